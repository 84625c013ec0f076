// A deck with every diagram type and a slide of formulas, built and printed in real Chromium:
// the SVGs hold real text in the theme's variables, the PDFs hold that text (selectable, with
// embedded fonts), each printed page looks like the HTML slide it comes from, nothing is
// fetched from outside, a second build draws nothing, and a broken diagram leaves the
// previous output as it was.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { DeckError } from '../../src/diagnostics/diagnostic.js'
import { plainText } from '../../src/html/html-text.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import { serveFolder } from '../../src/browser/serve-folder.js'
import { findProject, type Project } from '../../src/project/find-project.js'
import { createDeckBuilder } from '../../src/serve/rebuild-deck.js'
import { DIAGRAMS, writeDiagramDeck, type DiagramKind } from './helpers/diagram-deck.js'
import { descendants } from './helpers/processes.js'
import { pdfFonts, readPdf, renderPages, type PdfFacts } from './helpers/read-pdf.js'

const KINDS = Object.keys(DIAGRAMS) as DiagramKind[]
let root: string
let project: Project
let built: BuiltDeck
let slidesPdf: PdfFacts
let printDiagnostics: readonly unknown[]
let buildDiagnostics: readonly unknown[]

async function print(deck: BuiltDeck, products: ('slides' | 'notes' | 'outline')[]) {
  return exportPdfs(deck, { products, paper: 'A4', fragments: false, timeoutMs: 90_000, allowNetwork: false })
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-diagrams-'))
  writeDiagramDeck(root, 'talk')
  project = await findProject({ cwd: root })
  const first = await buildDeck(project, 'talk')
  built = first.value
  buildDiagnostics = first.diagnostics
  const printed = await print(built, ['slides', 'notes', 'outline'])
  printDiagnostics = printed.diagnostics
  slidesPdf = await readPdf(path.join(built.outDir, 'slides.pdf'))
}, 180_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('diagrams and formulas in the HTML deck', () => {
  it('draws each diagram type as inline SVG with real text, coloured by the theme variables', () => {
    expect(built.drawnDiagrams).toBe(KINDS.length)
    for (const [i, kind] of KINDS.entries()) {
      const slide = built.slides[i + 2]!
      expect(slide.layout).toBe('image')
      const svg = /<svg[\s\S]*<\/svg>/.exec(slide.data.body)?.[0] ?? ''
      expect(svg, kind).toMatch(/<text[\s>]/)
      expect(svg, kind).not.toContain('<foreignObject')
      expect(plainText(svg), kind).toContain(DIAGRAMS[kind].text)
      expect(svg, kind).toContain('var(--dh-')
      // No stand-in colour of the drawing page is left (they end in 7f).
      expect(svg.match(/#[0-9a-f]{4}7f\b/gi) ?? [], kind).toEqual([])
      expect(slide.data.body, kind).toContain(`<figcaption>Caption of the ${kind} diagram</figcaption>`)
      expect(slide.data.body, kind).toContain(`aria-label="A ${kind} diagram"`)
    }
  })

  it('typesets the formulas and copies only the KaTeX fonts they use', () => {
    const body = built.slides[1]!.data.body
    expect(body.match(/class="katex"/g)).toHaveLength(4)
    expect(body).toContain('tickets at $5 and $10')
    const css = readFileSync(path.join(built.outDir, 'math.css'), 'utf8')
    const faces = [...css.matchAll(/url\(fonts\/katex\/([\w-]+\.woff2)\)/g)].map((m) => m[1])
    expect(faces).toContain('KaTeX_Main-Regular.woff2')
    expect(faces).toContain('KaTeX_Caligraphic-Regular.woff2')
    expect(faces).not.toContain('KaTeX_Fraktur-Regular.woff2')
    for (const face of faces) expect(statSync(path.join(built.outDir, 'fonts/katex', face!)).size).toBeGreaterThan(1000)
  })
})

describe('diagrams and formulas in the PDFs', () => {
  it('draws and prints with no blocked request and no script error', () => {
    expect(buildDiagnostics).toEqual([])
    expect(printDiagnostics).toEqual([])
  })

  it('holds the diagram and formula text as selectable text, in embedded fonts', async () => {
    expect(slidesPdf.text[1]).toContain('softmax')
    expect(slidesPdf.text[1]).toContain('Attention')
    for (const [i, kind] of KINDS.entries()) expect(slidesPdf.text[i + 2], kind).toContain(DIAGRAMS[kind].text)
    const fonts = pdfFonts(path.join(built.outDir, 'slides.pdf'))
    expect(fonts.filter((f) => /KaTeX_Main/.test(f.name))).toEqual([expect.objectContaining({ embedded: true })])
    expect(fonts.every((f) => f.embedded)).toBe(true)
    for (const product of ['notes', 'outline']) {
      const text = (await readPdf(path.join(built.outDir, `handout-${product}.pdf`))).text.join(' ')
      for (const kind of KINDS) expect(text, `${product}: ${kind}`).toContain(DIAGRAMS[kind].text)
      expect(text, product).toContain('softmax')
    }
  })

  it('prints each slide as the HTML deck shows it', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-compare-'))
    const server = await serveFolder({ root: built.outDir })
    const browser = await launchBrowser({ timeoutMs: 60_000 })
    try {
      const page = await browser.browser.newPage()
      await page.setViewport({ width: 1280, height: 720 })
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' })
      await page.waitForFunction('window.Reveal && Reveal.isReady()')
      await page.addStyleTag({ content: '.reveal .controls, .reveal .progress, .reveal .slide-number { display: none !important } .reveal .slides section { transition: none !important }' })
      await page.evaluate(() => document.fonts.ready)
      execFileSync('pdftoppm', ['-r', '96', '-f', '2', '-l', String(KINDS.length + 2), '-png', path.join(built.outDir, 'slides.pdf'), path.join(dir, 'pdf')])
      for (let n = 1; n <= KINDS.length + 1; n++) {
        await page.evaluate((i) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i), n)
        await new Promise((resolve) => setTimeout(resolve, 400))
        const shot = path.join(dir, `html-${n}.png`)
        await page.screenshot({ path: shot })
        const pdfPage = path.join(dir, `pdf-${String(n + 1).padStart(2, '0')}.png`)
        expect(difference(shot, pdfPage), `slide ${n + 1}`).toBeLessThan(0.04)
      }
    } finally {
      await browser.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('offline, cached, and safe', () => {
  it('shows the HTML deck with every outside request blocked: none failed, no console error', async () => {
    const server = await serveFolder({ root: built.outDir })
    const browser = await launchBrowser({ timeoutMs: 60_000 })
    const problems: string[] = []
    try {
      const page = await browser.browser.newPage()
      await page.setRequestInterception(true)
      page.on('request', (r) => (r.url().startsWith(server.origin + '/') || r.url().startsWith('data:') ? void r.continue() : (problems.push(`outside: ${r.url()}`), void r.abort())))
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`))
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
      page.on('pageerror', (e) => problems.push(`error: ${e}`))
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' })
      await page.waitForFunction('window.Reveal && Reveal.isReady()')
      for (let n = 0; n < built.slides.length; n++) await page.evaluate((i) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i), n)
      await page.evaluate(() => document.fonts.ready)
      const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length)
      expect(loaded).toBeGreaterThan(0)
    } finally {
      await browser.close()
      await server.close()
    }
    expect(problems).toEqual([])
  })

  it('builds again from the cache without drawing, and leaves no Chromium running', async () => {
    const again = await buildDeck(project, 'talk')
    expect(again.value.drawnDiagrams).toBe(0)
    expect(again.value.slides[2]!.data.body).toBe(built.slides[2]!.data.body)
    expect(descendants(process.pid).filter((p) => /chrom/i.test(p.cmdline))).toEqual([])
  })

  it('rebuilds a served deck after a text edit with its diagrams from memory, with no disk cache', async () => {
    const builder = createDeckBuilder(project, 'talk', { outDir: path.join(root, 'serve') })
    await builder.build('all')
    const chapter = path.join(root, 'content/talk/01-all.md')
    const text = readFileSync(chapter, 'utf8')
    const empty = mkdtempSync(path.join(os.tmpdir(), 'deckhand-empty-cache-'))
    const saved = process.env.DECKHAND_CACHE_DIR
    process.env.DECKHAND_CACHE_DIR = empty
    try {
      writeFileSync(chapter, text.replace('and tickets at', 'and, edited, tickets at'))
      const again = await builder.build([chapter])
      expect(again.result.value.drawnDiagrams).toBe(0)
      expect(again.result.value.slides[1]!.data.body).toContain('edited')
      expect(readdirSync(empty)).toEqual([])
    } finally {
      process.env.DECKHAND_CACHE_DIR = saved
      writeFileSync(chapter, text)
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('reports a diagram that does not parse at its Markdown line and keeps the previous output', async () => {
    const index = path.join(built.outDir, 'index.html')
    const before = readFileSync(index, 'utf8')
    const chapter = path.join(root, 'content/talk/01-all.md')
    const text = readFileSync(chapter, 'utf8')
    writeFileSync(chapter, `${text}\n---\n\n## Broken\n\n\`\`\`mermaid\nflowchart LR\n  A --> B\n  B --> (((\n\`\`\`\n`)
    const fence = text.split('\n').length + 5
    try {
      await buildDeck(project, 'talk')
      expect.unreachable('the build should fail')
    } catch (err) {
      expect(err).toBeInstanceOf(DeckError)
      expect((err as DeckError).diagnostic).toMatchObject({ code: 'diagram-syntax', span: { file: chapter, line: fence + 3 } })
    } finally {
      writeFileSync(chapter, text)
    }
    expect(readFileSync(index, 'utf8')).toBe(before)
  })

  it("takes the print palette on paper: a dark theme's diagram is dark on slides, light in a handout", async () => {
    const dark = (await buildDeck(project, 'talk', { theme: 'midnight', outDir: path.join(root, 'midnight') })).value
    expect((await print(dark, ['slides', 'notes'])).diagnostics).toEqual([])
    const [slide] = renderPages(path.join(dark.outDir, 'slides.pdf'), 48, 3, 3)
    const [sheet] = renderPages(path.join(dark.outDir, 'handout-notes.pdf'), 48, 2, 2)
    const mean = (img: NonNullable<typeof slide>, x0: number, y0: number, x1: number, y1: number): number => {
      let sum = 0
      let n = 0
      for (let y = y0; y < y1; y += 2) for (let x = x0; x < x1; x += 2) (sum += img.grey(x, y)), n++
      return sum / n
    }
    // The diagram's area: the middle of the slide, and of the slide printed at the top of the notes page.
    expect(mean(slide!, slide!.width * 0.2, slide!.height * 0.35, slide!.width * 0.8, slide!.height * 0.75)).toBeLessThan(90)
    expect(mean(sheet!, sheet!.width * 0.2, sheet!.height * 0.12, sheet!.width * 0.8, sheet!.height * 0.35)).toBeGreaterThan(200)
  })
})

/** Root-mean-square difference of two pictures, both scaled to 320x180 and grey, from 0 to 1 (ImageMagick). */
function difference(a: string, b: string): number {
  const small = (file: string): string => {
    const out = `${file}.small.png`
    execFileSync('convert', [file, '-resize', '320x180!', '-colorspace', 'Gray', out])
    return out
  }
  let out = ''
  try {
    execFileSync('compare', ['-metric', 'RMSE', small(a), small(b), 'null:'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (err) {
    // compare exits 1 when the pictures differ at all, printing the metric on stderr either way.
    out = String((err as { stderr?: string }).stderr ?? '')
  }
  return Number(/\(([\d.e-]+)\)/.exec(out)?.[1] ?? (out ? 1 : 0))
}
