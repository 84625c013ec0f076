import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeckError, diagnosticsOf } from '../../../src/diagnostics/diagnostic.js'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import { findProject } from '../../../src/project/find-project.js'
import { PRINT_MENU_TEMPLATE, renderPrintMenu, withPrintMenu } from '../../../src/serve/print-menu.js'
import { tempProject } from '../../helpers/temp-dir.js'

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

describe("a project's own print menu", () => {
  it('that does not parse fails the build up front, at its file and line, before anything is written', async () => {
    const root = tempProject({
      'content/x/deck.yml': 'title: X\n',
      'content/x/01.md': '## One\n',
      'templates/serve/print-menu.hbs': '<nav>\n{{#each products}}\n<a href="{{preview}">{{name}}</a>\n{{/each}}\n</nav>\n',
    })
    const out = path.join(root, 'dist')
    const caught = await buildDeck(await findProject({ cwd: root }), 'x', { outDir: out }).catch((err: unknown) => err)
    expect(diagnosticsOf(caught)?.map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([['template-syntax', path.join(root, 'templates/serve/print-menu.hbs'), 3]])
    expect(existsSync(out)).toBe(false)
  })
})
