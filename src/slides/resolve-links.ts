// Pure: images relative to their chapter become output paths; unsafe link URLs are removed.
import path from 'node:path'
import type { Token, Tokens } from 'marked'
import { warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { HtmlPolicy, SlideOrigin } from '../model.js'
import { locate } from './locate-in-source.js'
import { childTokens } from './markdown.js'

/** An image the deck needs, with the Markdown line that asked for it. */
export interface AssetRequest {
  readonly from: string
  readonly to: string
  readonly span: SourceSpan
}

export const UNSAFE_URL = /^\s*(javascript|vbscript|data:text\/html|data:application\/xhtml)/i
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|#)/i

/** Maps a chapter-relative path to where it lives in the output folder (`media/<path in the deck>`). */
export function outputPathFor(source: string, deckDir: string): string {
  const rel = path.relative(deckDir, source).split(path.sep).join('/')
  // Files outside the deck folder keep their shape under media/_/ instead of escaping the output.
  return `media/${rel.replace(/\.\.\//g, '_/')}`
}

export function isLocalPath(href: string): boolean {
  return !!href && !EXTERNAL.test(href) && !href.startsWith('/')
}

/** Rewrites image hrefs in place and returns the files to copy; reports removed link URLs. */
export function resolveLinks(
  tokens: readonly Token[],
  origin: SlideOrigin,
  deckDir: string,
  policy: HtmlPolicy,
  diagnostics: Diagnostic[],
): AssetRequest[] {
  const assets: AssetRequest[] = []
  const chapterDir = path.dirname(origin.file)
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'image') resolveImage(token as Tokens.Image)
      else if (token.type === 'link') checkLink(token as Tokens.Link)
      for (const child of childTokens(token)) visit(child)
    }
  }
  const resolveImage = (image: Tokens.Image): void => {
    if (!isLocalPath(image.href)) return
    const clean = decodePath(image.href.split(/[?#]/)[0]!)
    const from = path.resolve(chapterDir, clean)
    const to = outputPathFor(from, deckDir)
    assets.push({ from, to, span: locate(origin, image.href) })
    image.href = to
  }
  const checkLink = (link: Tokens.Link): void => {
    if (policy === 'trusted' || !UNSAFE_URL.test(link.href)) return
    diagnostics.push(warning('html-removed', `Removed unsafe link URL "${link.href.slice(0, 40)}"`, locate(origin, link.href), 'Only http(s), mailto and relative links are kept; set `html: trusted` in deck.yml to keep everything.'))
    link.href = '#'
  }
  visit(tokens)
  return assets
}

/** `%20` and friends as the file system spells them; a malformed escape is kept as written. */
function decodePath(href: string): string {
  try {
    return decodeURI(href)
  } catch {
    return href
  }
}
