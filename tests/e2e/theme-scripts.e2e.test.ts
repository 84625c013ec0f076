// Text in any script prints with real glyphs: a deck in Chinese, Japanese, Korean, Arabic,
// Hebrew and emoji, printed by Chromium, embeds the bundled Noto fallbacks (not whatever the
// system has), keeps the text selectable, and copies only the font subsets it uses. Han text
// takes the font of its language, and a character no font has fails the print at its line.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
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
    // Each slide's language is detected: the Chinese line (Han alone) takes the Chinese font,
    // the kana line the Japanese one.
    for (const family of ['NotoSansJP', 'NotoSansSC', 'NotoSansKR', 'NotoSansArabic', 'NotoSansHebrew']) {
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
    // Only the subsets holding the Chinese line's characters, in two weights.
    expect(files.filter((f) => f.startsWith('noto-sans-sc-')).length).toBeLessThanOrEqual(8)
    expect(bytes).toBeLessThan(3_000_000)
  })
})

const CLI = path.resolve(import.meta.dirname, '../../bin/deckhand.js')

function writeDeck(dir: string, files: Record<string, string>): void {
  writeFileSync(path.join(dir, 'package.json'), '{}')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'content', 'd', name)), { recursive: true })
    writeFileSync(path.join(dir, 'content', 'd', name), text)
  }
}

describe('Han text in the font of its language', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-lang-'))
    // 直 is drawn differently in Chinese and Japanese; 简发历 are simplified, which the Japanese font lacks.
    writeDeck(dir, {
      'deck.yml': 'title: Han\nlang: ja\ntitleSlide: false\nagenda: false\nhandouts: { layouts: [] }\n',
      '01-ja.md': '## 日本語\n\n直す\n\n<span lang="zh-CN">简直</span>\n',
      '02-zh.md': '---\nlang: zh-CN\n---\n## 中文\n\n简单直接 发展历史\n',
    })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('marks the Chinese chapter, draws every character and embeds both fonts', () => {
    const run = spawnSync(process.execPath, [CLI, 'pdf', 'd', '--root', dir], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const out = path.join(dir, 'dist', 'd')
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<html lang="ja">[\s\S]*<section [^>]*lang="zh-CN"/)
    expect(readFileSync(path.join(out, 'theme.css'), 'utf8')).toMatch(/:lang\(zh\) \{\s*--dh-font-body: 'Inter', 'Noto Sans SC', 'Noto Sans JP'/)
    const names = pdfFonts(path.join(out, 'slides.pdf')).map((f) => f.name)
    expect(names.some((n) => n.includes('NotoSansSC'))).toBe(true)
    expect(names.some((n) => n.includes('NotoSansJP'))).toBe(true)
    const text = execFileSync('pdftotext', [path.join(out, 'slides.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const line of ['直す', '简直', '简单直接发展历史']) expect(text).toContain(line)
  })
})

describe('a character no font has', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-tofu-'))
    // Linear A: no bundled font and no usual system font has it.
    writeDeck(dir, { 'deck.yml': 'title: Boxes\ntitleSlide: false\nagenda: false\nhandouts: { layouts: [] }\n', '01-a.md': '## Old scripts\n\nFine text\n\nLinear A: 𐘀𐘁\n' })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('fails the print at its line and writes no PDF', () => {
    const run = spawnSync(process.execPath, [CLI, 'pdf', 'd', '--root', dir], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/content\/d\/01-a\.md:5:\d+\s+error\s+.*U\+10600/)
    expect(existsSync(path.join(dir, 'dist', 'd', 'slides.pdf'))).toBe(false)
  })
})
