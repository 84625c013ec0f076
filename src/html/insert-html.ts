// Pure: adds a snippet to a whole HTML page at a known place, without parsing the page.

/**
 * Inserts `snippet` right before the last `</tag>`; a page without one gets it at its `start`
 * or `end` instead, so what it carries (a script, styles) is never lost.
 */
export function insertBeforeClosingTag(html: string, tag: string, snippet: string, otherwise: 'start' | 'end'): string {
  const at = html.toLowerCase().lastIndexOf(`</${tag}>`)
  if (at === -1) return otherwise === 'start' ? snippet + html : html + snippet
  return html.slice(0, at) + snippet + html.slice(at)
}
