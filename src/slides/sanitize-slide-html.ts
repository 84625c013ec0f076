// Raw HTML written in Markdown passes an allowlist: layout tags, media, iframes to http(s)
// pages. Scripts, event handlers and script URLs are removed, and each removal is reported.
import { createRequire } from 'node:module'
import type { IOptions } from 'sanitize-html'
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { SlideOrigin } from '../model.js'
import { locate } from './locate-in-source.js'
import { UNSAFE_URL } from './resolve-links.js'

const GLOBAL_ATTRIBUTES = ['class', 'id', 'style', 'title', 'lang', 'dir', 'role', 'data-*', 'aria-*', 'hidden']
const MEDIA = ['src', 'controls', 'autoplay', 'loop', 'muted', 'poster', 'width', 'height', 'playsinline', 'preload', 'data-autoplay', 'data-src']

// Loaded on first use: most slides have no raw HTML, and these cost ~100 ms to load.
const require = createRequire(import.meta.url)
const lazy = <T>(load: () => T): (() => T) => {
  let value: T | undefined
  return () => (value ??= load())
}
const sanitizer = lazy(() => require('sanitize-html') as typeof import('sanitize-html'))
const htmlparser = lazy(() => require('htmlparser2') as typeof import('htmlparser2'))

const LAYOUT_TAGS = [
  'address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'main', 'nav',
  'blockquote', 'dd', 'div', 'dl', 'dt', 'hr', 'li', 'menu', 'ol', 'p', 'pre', 'ul', 'a', 'abbr', 'b', 'bdi', 'bdo',
  'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 'span', 'strong', 'time', 'wbr',
  'caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
]

const OPTIONS: IOptions = {
  allowedTags: [
    ...LAYOUT_TAGS,
    'img', 'audio', 'video', 'source', 'track', 'iframe', 'picture', 'figure', 'figcaption', 'section',
    'details', 'summary', 'mark', 'kbd', 'samp', 'var', 'small', 'sub', 'sup', 'u', 's', 'del', 'ins', 'input', 'center',
  ],
  allowedAttributes: {
    '*': GLOBAL_ATTRIBUTES,
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'srcset', 'sizes', 'data-src'],
    video: MEDIA,
    audio: MEDIA,
    source: ['src', 'type', 'srcset', 'media', 'data-src'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
    iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'frameborder', 'loading', 'data-src', 'data-preload', 'title'],
    input: ['type', 'checked', 'disabled'],
    ol: ['start', 'type', 'reversed'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan', 'scope'],
    span: ['translate'],
    code: ['data-line-numbers'],
    pre: ['data-id'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https', 'data'], iframe: ['http', 'https'] },
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
}

const ALLOWED_TAGS = new Set(OPTIONS.allowedTags as string[])
const URL_ATTRIBUTES = new Set(['href', 'src', 'data-src', 'poster', 'action', 'formaction', 'xlink:href'])

/** Cleans a slide's HTML and reports what was removed, located in the slide's Markdown. */
export function sanitizeSlideHtml(html: string, origin: SlideOrigin, diagnostics: Diagnostic[]): string {
  for (const removal of findRemovals(html)) {
    diagnostics.push(
      warning('html-removed', `Removed ${removal.what}`, locate(origin, removal.needle), 'Raw HTML passes an allowlist; set `html: trusted` in deck.yml to keep everything.'),
    )
  }
  return sanitizer()(html, OPTIONS)
}

interface Removal {
  readonly what: string
  readonly needle: string
}

function findRemovals(html: string): Removal[] {
  const removals: Removal[] = []
  const parser = new (htmlparser().Parser)(
    {
      onopentag(name: string, attributes: Record<string, string>) {
        if (!ALLOWED_TAGS.has(name)) {
          removals.push({ what: `<${name}> element`, needle: `<${name}` })
          return
        }
        for (const [attr, value] of Object.entries(attributes)) {
          if (attr.startsWith('on')) removals.push({ what: `event handler attribute ${attr} on <${name}>`, needle: attr })
          else if (URL_ATTRIBUTES.has(attr) && UNSAFE_URL.test(value)) removals.push({ what: `unsafe URL in ${attr} on <${name}>`, needle: value.slice(0, 20) })
          else if (name === 'iframe' && attr === 'src' && !/^https?:/i.test(value.trim())) {
            removals.push({ what: `<iframe> src that is not an http(s) page`, needle: value.slice(0, 20) })
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return removals
}

/** Cleans a `<!-- .slide: … -->` attribute string the same way. */
export function sanitizeAttributes(attributes: string, origin: SlideOrigin, diagnostics: Diagnostic[]): string {
  if (!attributes) return ''
  const html = sanitizeSlideHtml(`<section ${attributes}></section>`, origin, diagnostics)
  return /^<section([^>]*)>/.exec(html)?.[1]?.trim() ?? ''
}
