// Pure: text to HTML and back, for the places that build or read small HTML fragments.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Text of an HTML fragment, for titles, outline and word counts. */
export function plainText(html: string): string {
  return decodeEntities(stripTags(html))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Text with its character references (`&amp;` → `&`), whitespace kept as it is. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) => decodeEntity(name) ?? m) : text
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

function decodeEntity(name: string): string | undefined {
  if (!name.startsWith('#')) return ENTITIES[name]
  const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}
