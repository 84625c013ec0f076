// Pure: what a slide says about itself beside its content: `<!-- .slide: … -->` attributes (cleaned,
// local background files copied like any image), a split picture, Marp's header and footer.
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { HtmlPolicy, SlideSource, SplitImage } from '../model.js'
import { decodeEntities } from '../html/html-text.js'
import { parseAttributes } from './apply-element-attributes.js'
import type { SlideOrigin } from '../model.js'
import { lexMarkdown, renderInline } from './markdown.js'
import { isLocalPath, outputPathFor, type AssetRequest } from './resolve-links.js'
import { sanitizeAttributes } from './sanitize-slide-html.js'

const FILE_ATTRIBUTE = /^data-background(-image|-video|-iframe)?$/

/** The attributes as pairs, cleaned under the deck's policy, with local files mapped to the output. */
export function slideAttributes(
  attributes: string,
  source: SlideSource,
  origin: SlideOrigin,
  deck: { readonly deckDir: string; readonly policy: HtmlPolicy },
  assets: AssetRequest[],
  diagnostics: Diagnostic[],
): Array<[string, string]> {
  if (!attributes) return []
  const clean = deck.policy === 'trusted' ? attributes : sanitizeAttributes(attributes, origin, diagnostics)
  return parseAttributes(clean)
    .filter(([name]) => name !== 'data-template')
    .map(([name, written]): [string, string] => {
      const value = decodeEntities(written)
      if (!FILE_ATTRIBUTE.test(name)) return [name, value]
      // Reveal takes several background images separated by commas.
      const files = value.split(',').map((part) => localFile(part.trim(), origin.file, deck.deckDir, source, assets))
      return [name, files.join(',')]
    })
}

function localFile(value: string, file: string, deckDir: string, source: SlideSource, assets: AssetRequest[]): string {
  if (!isLocalPath(value) || !/\.\w+$/.test(value)) return value
  const from = path.resolve(path.dirname(file), value)
  const to = outputPathFor(from, deckDir)
  assets.push({ from, to, span: source.span })
  return to
}

/** Pairs back to attribute text, as a `<section>` carries them. */
export function attributeText(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => (value ? `${name}="${value.replace(/"/g, '&quot;')}"` : name)).join(' ')
}

/** The split picture with its file mapped to the output (a URL stays as written). */
export function resolveSplit(split: SplitImage | undefined, source: SlideSource, deckDir: string, assets: AssetRequest[]): SplitImage | undefined {
  if (!split) return undefined
  // The template puts the path in a style attribute and an img; quotes and parentheses would end either.
  if (/["'()<>\\]/.test(split.src)) return undefined
  const fit = split.fit === 'contain' || split.fit === 'cover' ? split.fit : 'contain'
  const width = /^\d+(\.\d+)?%$/.test(split.width) ? split.width : '50%'
  return { ...split, fit, width, src: localFile(split.src, source.span.file, deckDir, source, assets) }
}

/** Marp's header and footer text is inline Markdown. */
export function renderMark(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const [first] = lexMarkdown(text)
  return first && 'tokens' in first && Array.isArray(first.tokens) ? renderInline(first.tokens) : ''
}
