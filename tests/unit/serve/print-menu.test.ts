import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { PRINT_MENU_TEMPLATE, renderPrintMenu, withPrintMenu } from '../../../src/serve/print-menu.js'

const file = path.resolve(import.meta.dirname, '../../../templates/serve', `${PRINT_MENU_TEMPLATE}.hbs`)

describe('the print menu of a served deck', () => {
  it('links each product’s preview, and its PDF only when the PDFs are kept up', async () => {
    const template = { source: await readFile(file, 'utf8'), file }
    const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)
    expect(hrefs(renderPrintMenu(template, ['slides', '3-up'], false))).toEqual(['/print/slides', '/print/3-up'])
    expect(hrefs(renderPrintMenu(template, ['slides', '3-up'], true))).toEqual(['/print/slides', 'slides.pdf', '/print/3-up', 'handout-3-up.pdf'])
  })

  it('reports a template that fails at its own file', () => {
    const broken = { source: '{{#each products}}', file: '/deck/templates/serve/print-menu.hbs' }
    let caught: unknown
    try {
      renderPrintMenu(broken, ['notes'], false)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(DeckError)
    expect((caught as DeckError).diagnostic).toMatchObject({ code: 'template-render', span: { file: broken.file } })
  })

  it('goes at the end of the page’s body', () => {
    expect(withPrintMenu('<html><body><p>deck</p></body></html>', '<nav>m</nav>')).toBe('<html><body><p>deck</p><nav>m</nav>\n</body></html>')
  })
})
