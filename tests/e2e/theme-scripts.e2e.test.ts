// Text in any script prints with real glyphs: a deck in Chinese, Japanese, Korean, Arabic,
// Hebrew and emoji, printed by Chromium, embeds the bundled Noto fallbacks (not whatever the
// system has), keeps the text selectable, and copies only the font subsets it uses.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import { findProject } from '../../src/project/find-project.js'
import { pdfFonts, readPdf, type PdfFacts } from './helpers/read-pdf.js'

const LINES = {
  chinese: '深度学习改变了研究',
  japanese: 'ひらがなとカタカナ',
  korean: '안녕하세요 여러분',
  arabic: 'مرحبا بالعالم',
  hebrew: 'שלום עולם',
}

let root: string
let built: BuiltDeck
let pdf: PdfFacts
let fonts: string[]
let pdffonts: string

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-scripts-'))
  writeFileSync(path.join(root, 'package.json'), '{}')
  mkdirSync(path.join(root, 'content', 'intl'), { recursive: true })
  writeFileSync(path.join(root, 'content', 'intl', 'deck.yml'), 'title: Every script\ntheme: daylight\ntitleSlide: false\nagenda: false\n')
  const slides = Object.entries(LINES).map(([script, text]) => `## ${script}\n\n${text}\n`)
  writeFileSync(path.join(root, 'content', 'intl', '01-scripts.md'), [...slides, '## emoji\n\nShip it 🚀\n'].join('\n---\n\n'))
  const project = await findProject({ root, cwd: root })
  built = (await buildDeck(project, 'intl', { outDir: path.join(root, 'dist') })).value
  const printed = await exportPdfs(built, { products: ['slides'], timeoutMs: 60_000 })
  expect(printed.diagnostics).toEqual([])
  pdf = await readPdf(path.join(built.outDir, 'slides.pdf'))
  fonts = pdfFonts(path.join(built.outDir, 'slides.pdf')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
  pdffonts = execFileSync('pdffonts', [path.join(built.outDir, 'slides.pdf')], { encoding: 'utf8' })
}, 120_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('a deck in six scripts', () => {
  it('embeds the bundled Noto fallback for each script', () => {
    // With kana in the deck, the Japanese font also draws the Chinese line's Han characters.
    for (const family of ['NotoSansJP', 'NotoSansKR', 'NotoSansArabic', 'NotoSansHebrew']) {
      expect(fonts.some((f) => f.startsWith(family)), `${family} in ${fonts.join(', ')}`).toBe(true)
    }
    expect(fonts.some((f) => /^Inter-/.test(f))).toBe(true)
    // Not the system's CJK fonts: the deck must look the same on every machine.
    expect(fonts.some((f) => /CJK/.test(f))).toBe(false)
  })

  it('keeps every line as selectable text', () => {
    // pdftotext puts right-to-left runs back in logical order (wrapped in direction marks).
    const extracted = execFileSync('pdftotext', [path.join(built.outDir, 'slides.pdf'), '-'], { encoding: 'utf8' })
    const text = extracted.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '')
    for (const line of Object.values(LINES)) expect(text, line).toContain(line.replace(/\s+/g, ''))
  })

  it('draws the emoji with a colour emoji font, not an empty box', () => {
    // Chromium writes colour glyphs as a Type 3 font; an empty box would be a TrueType .notdef.
    expect(pdf.text.join('\n')).toContain('🚀')
    expect(pdffonts).toMatch(/Type 3/)
  })

  it('copies only the font subsets the text uses', () => {
    const dir = path.join(built.outDir, 'fonts')
    const files = readdirSync(dir)
    const bytes = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0)
    expect(files.some((f) => f.startsWith('noto-sans-jp-'))).toBe(true)
    expect(files.some((f) => f.startsWith('noto-sans-sc-'))).toBe(false)
    expect(bytes).toBeLessThan(3_000_000)
  })
})
