// Prints every product of a hand-built eight-slide deck with real Chromium, then reads the PDFs
// back: pages, text on the right pages, links, bookmarks, fonts, metadata, and where the ink is.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import { BOOKMARK_URL } from '../../src/print/bookmark-marker.js'
import { handoutGeometry, MARGIN_MM } from '../../src/print/page-geometry.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { writeFixtureDeck, KNOWN } from './helpers/fixture-deck.js'
import { inkShare, pdfFonts, readPdf, renderPages, type PdfFacts } from './helpers/read-pdf.js'

const PRODUCTS = ['slides', 'notes', '2-up', '3-up', '6-up', 'outline'] as const
const FILES = { slides: 'slides.pdf', notes: 'handout-notes.pdf', '2-up': 'handout-2-up.pdf', '3-up': 'handout-3-up.pdf', '6-up': 'handout-6-up.pdf', outline: 'handout-outline.pdf' }
const DPI = 40
const px = (cssPx: number): number => (cssPx * DPI) / 96
const mm = (n: number): number => (n * DPI) / 25.4

let dir: string
let fixture: BuiltDeck
const facts = new Map<string, PdfFacts>()
const file = (product: keyof typeof FILES): string => path.join(dir, FILES[product])
const pdf = (product: keyof typeof FILES): PdfFacts => facts.get(product)!
/** First 1-based page from `from` on whose text contains `needle` (0 when none). */
const pageWith = (product: keyof typeof FILES, needle: string, from = 1): number =>
  pdf(product).text.findIndex((t, i) => i + 1 >= from && t.includes(needle)) + 1

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-pdf-e2e-'))
  fixture = await writeFixtureDeck(dir)
  const result = await exportPdfs(fixture, { products: PRODUCTS, paper: 'A4', timeoutMs: 60_000 })
  expect(result.diagnostics).toEqual([])
  expect(result.value.files.map((f) => path.basename(f)).sort()).toEqual(Object.values(FILES).sort())
  for (const product of PRODUCTS) facts.set(product, await readPdf(file(product)))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exportPdfs on the fixture deck', () => {
  it('leaves the PDFs and nothing else new in the output folder', () => {
    const left = readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))
    expect(left).toEqual([])
  })

  it('prints the expected number of pages for each product', () => {
    expect(pdf('slides').pages).toBe(8)
    expect(pdf('2-up').pages).toBe(1 + 4)
    expect(pdf('3-up').pages).toBe(1 + 3)
    expect(pdf('6-up').pages).toBe(1 + 2)
    // Cover, one page a slide, and the long note flowing onto at least two more.
    expect(pdf('notes').pages).toBeGreaterThanOrEqual(1 + 8 + 2)
    expect(pdf('outline').pages).toBeGreaterThanOrEqual(3)
  })

  it('sizes slides.pdf pages like the slides and handouts like A4', () => {
    expect(pdf('slides').size).toEqual({ width: 960, height: 540 })
    expect(pdf('3-up').size.width).toBeCloseTo(595, 0)
    expect(pdf('3-up').size.height).toBeCloseTo(842, 0)
  })

  it('puts known slides and notes on the right pages', () => {
    expect(pageWith('slides', KNOWN.codeSlideTitle)).toBe(8)
    const notesPage = pageWith('notes', KNOWN.codeNote)
    expect(notesPage).toBe(pdf('notes').pages)
    expect(pdf('notes').text[notesPage - 1]).toContain(KNOWN.codeSlideTitle)
    // The long note starts under its slide and ends pages later: it flowed, it was not cut.
    const start = pageWith('notes', KNOWN.longNoteStart)
    const end = pageWith('notes', KNOWN.longNoteEnd)
    expect(pdf('notes').text[start - 1]).toContain('The film')
    expect(end).toBeGreaterThan(start + 1)
    expect(pageWith('3-up', KNOWN.codeSlideTitle)).toBe(4)
    expect(pageWith('6-up', KNOWN.codeSlideTitle)).toBe(3)
    expect(pageWith('outline', KNOWN.codeNote)).toBe(pageWith('outline', KNOWN.codeSlideTitle, 2))
  })

  it('shows handout-only content in handouts only, and slides-only content on slides only', () => {
    expect(pdf('slides').text.join(' ')).not.toContain(KNOWN.handoutOnly)
    expect(pdf('slides').text[4]).toContain(KNOWN.slidesOnly)
    for (const product of ['notes', '3-up', 'outline'] as const) {
      expect(pdf(product).text.join(' ')).toContain(KNOWN.handoutOnly)
      expect(pdf(product).text.join(' ')).not.toContain(KNOWN.slidesOnly)
    }
  })

  it('puts a running header and "page N of M" on every handout page but the cover', () => {
    const three = pdf('3-up')
    expect(three.text[0]).not.toMatch(/page 1 of/)
    for (let n = 2; n <= three.pages; n++) {
      expect(three.text[n - 1]).toContain(`page ${n} of ${three.pages}`)
      expect(three.text[n - 1]).toContain('The PyTorch Story')
    }
  })

  it('links agenda entries to the pages where their chapters start', () => {
    // slides.pdf: the deck's own agenda slide (page 2) links to the section slides.
    expect(pdf('slides').links.filter((l) => l.page === 2).map((l) => l.target)).toEqual([3, 6])
    const coverTargets = (product: keyof typeof FILES): number[] => [...new Set(pdf(product).links.filter((l) => l.page === 1).map((l) => l.target!))]
    expect(coverTargets('3-up')).toEqual([2, 3])
    expect(coverTargets('6-up')).toEqual([2])
    expect(coverTargets('notes')).toEqual([pageWith('notes', 'Faster iteration', 2), pageWith('notes', 'From eager to compiled', 2)])
    // The outline's contents list chapters and slides; every entry jumps to a page where that text is.
    const outline = pdf('outline')
    expect(coverTargets('outline')).toEqual([2, pageWith('outline', KNOWN.chapterTitles[1], 2)])
    expect(outline.links.filter((l) => l.page === 1).length).toBeGreaterThanOrEqual(6)
  })

  it('builds bookmarks by chapter, then slide title', () => {
    const marks = pdf('slides').bookmarks
    expect(marks.map((b) => [b.title, b.page])).toEqual([
      ['The PyTorch Story', 1], ['Agenda', 2], [KNOWN.chapterTitles[0], 3], [KNOWN.chapterTitles[1], 6],
    ])
    expect(marks[3]!.items.map((b) => [b.title, b.page])).toEqual([['In their words', 7], [KNOWN.codeSlideTitle, 8]])
    const outline = pdf('outline').bookmarks
    expect(outline.map((b) => b.title)).toEqual([...KNOWN.chapterTitles])
    expect(outline[1]!.items.map((b) => b.title)).toEqual(['In their words', KNOWN.codeSlideTitle])
    const notes = pdf('notes').bookmarks
    expect(notes.find((b) => b.title === KNOWN.chapterTitles[1])!.items.map((b) => b.page)).toEqual([pdf('notes').pages - 1, pdf('notes').pages])
  })

  it('sets title, author and subject from deck.yml', () => {
    for (const product of PRODUCTS) {
      expect(pdf(product).info).toMatchObject({ Title: fixture.config.title, Author: fixture.config.author, Subject: fixture.config.subtitle, Creator: 'deckhand' })
    }
  })

  it('writes every product packed: dictionaries in object streams, no bookmark marker left in the file', async () => {
    const { PDFDict, PDFDocument, PDFName } = await import('pdf-lib')
    for (const product of PRODUCTS) {
      const bytes = readFileSync(file(product))
      const text = bytes.toString('latin1')
      expect(text).toContain('/Type /ObjStm')
      expect(text).not.toMatch(/\/Type\s*\/Page\b/)
      const doc = await PDFDocument.load(bytes, { updateMetadata: false })
      expect(doc.getPageCount()).toBe(pdf(product).pages)
      const uris = doc.context
        .enumerateIndirectObjects()
        .flatMap(([, o]) => (o instanceof PDFDict ? [String(o.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI')) ?? '')] : []))
      expect(uris.some((u) => u.includes(BOOKMARK_URL))).toBe(false)
    }
  })

  it('embeds every font, the theme fonts among them', () => {
    for (const product of PRODUCTS) {
      const fonts = pdfFonts(file(product))
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.every((f) => f.embedded)).toBe(true)
      expect(fonts.some((f) => f.name.includes('Inter'))).toBe(true)
    }
  })
})

describe('where the ink is', () => {
  const contentLeft = mm(MARGIN_MM.side)
  const contentTop = mm(MARGIN_MM.top)

  it('leaves the side margins white and no page blank, in every product', () => {
    for (const product of PRODUCTS) {
      for (const [i, page] of renderPages(file(product), DPI).entries()) {
        const side = product === 'slides' ? 0 : contentLeft - 3
        if (side > 0) {
          expect(inkShare(page, 0, 0, side, page.height, 250), `${product} page ${i + 1} left margin`).toBe(0)
          expect(inkShare(page, page.width - side, 0, page.width, page.height, 250), `${product} page ${i + 1} right margin`).toBe(0)
        }
        expect(inkShare(page, 0, 0, page.width, page.height), `${product} page ${i + 1} has content`).toBeGreaterThan(0.003)
      }
    }
  })

  it('3-up: a slide at the left of each row, ruled lines to its right', () => {
    const g = handoutGeometry('3-up', 'A4', 1280, 720)
    const [page] = renderPages(file('3-up'), DPI, 2, 2)
    const frameW = px(g.frame.width)
    const frameH = px(g.frame.height)
    const linesLeft = contentLeft + frameW + mm(7)
    const linesRight = contentLeft + px(g.contentWidth)
    for (let row = 0; row < 3; row++) {
      const top = contentTop + row * px(g.slotHeight + (6 * 96) / 25.4)
      expect(inkShare(page!, contentLeft + 2, top + 2, contentLeft + frameW - 2, top + frameH - 2, 250), `row ${row + 1} slide`).toBeGreaterThan(0.9)
      // Scanlines across the lines column that are mostly ink are the ruled lines.
      let lines = 0
      let inLine = false
      for (let y = Math.ceil(top); y < top + px(g.slotHeight); y++) {
        const ruled = inkShare(page!, linesLeft + 4, y, linesRight - 4, y + 1, 252) > 0.8
        if (ruled && !inLine) lines++
        inLine = ruled
      }
      expect(lines, `row ${row + 1} lines`).toBeGreaterThanOrEqual(g.lines - 1)
      // Under the slide's caption, down to the end of its row: white paper (no stray rules).
      const captionEnd = top + frameH + mm(7)
      expect(inkShare(page!, contentLeft, captionEnd, contentLeft + frameW, top + px(g.slotHeight), 250), `row ${row + 1} under the slide`).toBe(0)
      // Between the slide and the lines: white paper.
      expect(inkShare(page!, contentLeft + frameW + 2, top + 4, linesLeft - 2, top + frameH - 4, 250)).toBe(0)
    }
  })

  it('2-up: lines beside each slide and across the page beneath it', () => {
    const g = handoutGeometry('2-up', 'A4', 1280, 720)
    expect(g.linesBelow).toBeGreaterThan(2)
    const [page] = renderPages(file('2-up'), DPI, 2, 2)
    const top = contentTop
    const below = top + px(g.frame.height) + 30
    // Scanlines under the slide that are ink across the whole content width.
    let lines = 0
    let inLine = false
    for (let y = Math.ceil(below); y < top + px(g.slotHeight); y++) {
      const ruled = inkShare(page!, contentLeft + 4, y, contentLeft + px(g.contentWidth) - 4, y + 1, 252) > 0.8
      if (ruled && !inLine) lines++
      inLine = ruled
    }
    expect(lines).toBeGreaterThanOrEqual(g.linesBelow - 1)
    expect(inkShare(page!, contentLeft + 2, top + 2, contentLeft + px(g.frame.width) - 2, top + px(g.frame.height) - 2, 250)).toBeGreaterThan(0.9)
  })

  it('6-up: six slides in a grid of two columns and three rows', () => {
    const g = handoutGeometry('6-up', 'A4', 1280, 720)
    const [page] = renderPages(file('6-up'), DPI, 2, 2)
    const colW = (px(g.contentWidth) - mm(6)) / 2
    for (let row = 0; row < 3; row++) {
      const mid = contentTop + row * (px(g.slotHeight) + mm(6)) + px(g.slotHeight) / 2
      for (let col = 0; col < 2; col++) {
        const center = contentLeft + col * (colW + mm(6)) + colW / 2
        expect(inkShare(page!, center - 20, mid - 15, center + 20, mid + 5, 250), `cell ${row + 1},${col + 1}`).toBeGreaterThan(0.9)
      }
    }
    // The gutter between the columns is paper.
    const gutter = contentLeft + colW + mm(3)
    expect(inkShare(page!, gutter - 2, contentTop + 10, gutter + 2, contentTop + px(g.contentHeight) - 10, 250)).toBe(0)
  })

  it('notes: the slide on top, the notes in the text column below it', () => {
    const g = handoutGeometry('notes', 'A4', 1280, 720)
    const n = pageWith('notes', KNOWN.codeNote)
    const [page] = renderPages(file('notes'), DPI, n, n)
    const left = contentLeft + (px(g.contentWidth) - px(g.frame.width)) / 2
    const top = contentTop + mm(8)
    expect(inkShare(page!, left + 4, top + 4, left + px(g.frame.width) - 4, top + px(g.frame.height) - 4, 250)).toBeGreaterThan(0.9)
    // Below the slide: some text, and mostly paper.
    const below = inkShare(page!, contentLeft, top + px(g.frame.height) + mm(12), contentLeft + px(g.contentWidth), top + px(g.frame.height) + mm(22))
    expect(below).toBeGreaterThan(0.01)
    expect(below).toBeLessThan(0.5)
  })
})
