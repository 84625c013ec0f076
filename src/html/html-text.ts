// Pure: text to HTML and back, for the places that build or read small HTML fragments.
import { decodeHTML } from 'entities'

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Text of an HTML fragment, for titles, bookmarks, the outline and word counts: every named and numeric entity decoded. */
export function plainText(html: string): string {
  return decodeHTML(stripTags(html))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Text with its character references (`&amp;` → `&`), whitespace kept as it is. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text
}

/** Drops every `<…>`, as `/<[^>]*>/g` would, in one pass (that pattern rescans to the end from each `<`). */
function stripTags(html: string): string {
  let out = ''
  let from = 0
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open)
    if (close === -1) break
    out += html.slice(from, open)
    from = close + 1
  }
  return out + html.slice(from)
}
