// Pure: generated HTML (typeset formulas, rendered diagrams) travels through the Markdown
// renderer and the raw-HTML sanitiser as a placeholder, a span the allowlist keeps, and is put
// in place afterwards. The placeholder holds a text stand-in, so titles, bookmarks and word
// counts taken from the HTML read the formula's TeX or the diagram's caption.
import { escapeHtml } from '../html/html-text.js'

const ISLAND = /<span data-dh-island="([\w-]+)">[^<]*<\/span>/g

export function islandPlaceholder(key: string, text: string): string {
  return `<span data-dh-island="${key}">${escapeHtml(text)}</span>`
}

export function hasIslands(html: string): boolean {
  return html.includes('data-dh-island=')
}

/** Replaces the placeholders whose key `islands` knows; others are left for a later stage. */
export function fillIslands(html: string, islands: ReadonlyMap<string, string>): string {
  if (!hasIslands(html)) return html
  return html.replace(ISLAND, (placeholder, key: string) => islands.get(key) ?? placeholder)
}
