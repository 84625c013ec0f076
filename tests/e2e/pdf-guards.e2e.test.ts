// The print page's guards: foreign requests blocked and reported, a hung page reported as a
// timeout that names the deck and the step, fragments printed one step a page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument, PDFName } from 'pdf-lib'
import { afterEach, expect, it } from 'vitest'
import { DeckError } from '../../src/diagnostics/diagnostic.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import type { RenderedSlide } from '../../src/model.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { writeFixtureDeck } from './helpers/fixture-deck.js'
import { readPdf } from './helpers/read-pdf.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function deckWith(extraHtml: string): Promise<BuiltDeck> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-guards-'))
  dirs.push(dir)
  const fixture = await writeFixtureDeck(dir, 0, { name: 'guarded' })
  const slides: RenderedSlide[] = fixture.html.slides.map((s, i) => (i === 3 ? { ...s, html: s.html + extraHtml } : s))
  return { ...fixture, html: { ...fixture.html, slides } }
}

const OPTIONS = { paper: 'A4', timeoutMs: 20_000 } as const

it('blocks requests outside the output folder and names each blocked URL', async () => {
  const input = await deckWith('<img src="http://192.0.2.1/tracker.png" alt=""><link rel="stylesheet" href="https://fonts.example.com/x.css">')
  const result = await exportPdfs(input, { ...OPTIONS, products: ['slides'] })
  const blocked = result.diagnostics.filter((d) => d.code === 'request-blocked').map((d) => d.message)
  expect(blocked).toHaveLength(2)
  expect(blocked.join('\n')).toContain('http://192.0.2.1/tracker.png')
  expect(blocked.join('\n')).toContain('https://fonts.example.com/x.css')
  expect((await readPdf(path.join(input.outDir, 'slides.pdf'))).pages).toBe(8)
}, 90_000)

it('reports a page that never gets ready as pdf-timeout, naming the deck, the product and the step', async () => {
  const input = await deckWith('<script>for (;;) {}</script>')
  const err = await exportPdfs(input, { ...OPTIONS, products: ['notes'], timeoutMs: 4_000 }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(DeckError)
  const { diagnostic } = err as DeckError
  expect(diagnostic.code, diagnostic.message).toBe('pdf-timeout')
  expect(diagnostic.message).toMatch(/guarded: notes/)
  expect(diagnostic.message).toMatch(/while (opening the page|waiting for fonts and images)/)
}, 90_000)

it('prints one page per fragment step when fragments are on', async () => {
  const input = await deckWith('')
  await exportPdfs(input, { ...OPTIONS, products: ['slides'], fragments: true })
  const pdf = await readPdf(path.join(input.outDir, 'slides.pdf'))
  // The "Eager first" slide has two fragments: three pages, each showing one more item.
  expect(pdf.pages).toBe(10)
  const steps = pdf.text.slice(3, 6)
  expect(steps.map((t) => t.includes('One tool from notebook to production'))).toEqual([false, true, true])
  expect(steps.map((t) => t.includes('A community that outgrew one company'))).toEqual([false, false, true])
}, 90_000)

it('prints handouts on Letter paper when asked', async () => {
  const input = await deckWith('')
  await exportPdfs(input, { ...OPTIONS, products: ['3-up'], paper: 'Letter' })
  const pdf = await readPdf(path.join(input.outDir, 'handout-3-up.pdf'))
  expect(pdf.size).toEqual({ width: 612, height: 792 })
  expect(pdf.pages).toBe(4)
}, 90_000)

it('writes a tagged PDF when asked, with the same bookmarks', async () => {
  const input = await deckWith('')
  await exportPdfs(input, { ...OPTIONS, products: ['slides'], tagged: true })
  const file = path.join(input.outDir, 'slides.pdf')
  const catalog = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).catalog
  expect(catalog.has(PDFName.of('StructTreeRoot'))).toBe(true)
  const pdf = await readPdf(file)
  expect(pdf.bookmarks.map((b) => b.page)).toEqual([1, 2, 3, 6])
  await exportPdfs(input, { ...OPTIONS, products: ['slides'] })
  const untagged = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).catalog
  expect(untagged.has(PDFName.of('StructTreeRoot'))).toBe(false)
}, 90_000)

it('refuses an unknown product before starting a browser', async () => {
  const input = await deckWith('')
  const err = await exportPdfs(input, { ...OPTIONS, products: ['4-up' as 'notes'] }).catch((e: unknown) => e)
  expect((err as DeckError).diagnostic.code).toBe('handout-layout-unknown')
})
