// Diagrams and display formulas in the editable PowerPoint: each a picture on its slide, sized
// as drawn on the slide, described by its label or TeX, and drawn by LibreOffice Impress where
// the package puts it. The command line run with a fresh browser cache says it unpacks once.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { exportOutputs } from '../../src/export/export-outputs.js'
import { findProject } from '../../src/project/find-project.js'
import { convertWithLibreOffice, decode, readPptx, xmlText, type PptxPackage } from './helpers/pptx-package.js'
import { inkShare, readPdf, renderPages } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TEX = String.raw`\frac{\partial L}{\partial x} = \frac{\partial L}{\partial y}\,\frac{\partial y}{\partial x}`
const ALT = 'A flow from idea to production'
const DECK = [
  '## A flow', '',
  `\`\`\`mermaid {alt="${ALT}"}`, 'flowchart LR', '  A[Idea] --> B[Prototype]', '  B --> C[Production]', '```', 'The road to production', '',
  '---', '',
  '## The chain rule', '',
  'Each step applies it:', '',
  '$$', TEX, '$$', '',
  '- Inline is editable text: $e^{i\\pi} + 1 = 0$', '',
].join('\n')
const EMU_PER_PX = 9525

let tmp: string
let project: string
let built: BuiltDeck
let pptx: PptxPackage
let file: string
let diagnostics: readonly Diagnostic[]

interface Pic {
  readonly descr: string
  readonly media: string
  readonly x: number
  readonly y: number
  readonly cx: number
  readonly cy: number
}

/** The pictures on the slide titled `title`, with their media file and place in EMU. */
async function picturesOn(title: string): Promise<{ xml: string; pics: Pic[] }> {
  const index = built.slides.findIndex((s) => s.data.title === title)
  const xml = pptx.slides[index]!
  const rels = await pptx.part(`ppt/slides/_rels/slide${index + 1}.xml.rels`)
  const pics = [...xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map(([pic]) => {
    const rid = /<a:blip r:embed="(rId\d+)"/.exec(pic)![1]
    const target = new RegExp(`Id="${rid}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)![1]!
    const [, x, y] = /<a:off x="(\d+)" y="(\d+)"/.exec(pic)!.map(Number)
    const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(pic)!.map(Number)
    return { descr: decode(/descr="([^"]*)"/.exec(pic)![1]!), media: `ppt/media/${target}`, x: x!, y: y!, cx: cx!, cy: cy! }
  })
  return { xml, pics }
}

/** Width and height of a media PNG, and the share of its width and height its ink spans. */
async function mediaInk(name: string) {
  const { data, info } = await sharp(await pptx.zip.file(name)!.async('nodebuffer')).greyscale().raw().toBuffer({ resolveWithObject: true })
  const bg = data[0]!
  let [left, right, top, bottom] = [info.width, -1, info.height, -1]
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (Math.abs(data[y * info.width + x]! - bg) < 60) continue
      left = Math.min(left, x)
      right = Math.max(right, x)
      top = Math.min(top, y)
      bottom = Math.max(bottom, y)
    }
  }
  return { width: info.width, height: info.height, spanW: (right - left + 1) / info.width, spanH: (bottom - top + 1) / info.height }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-pptx-figures-'))
  project = path.join(tmp, 'figures')
  mkdirSync(path.join(project, 'content', 'figs'), { recursive: true })
  writeFileSync(path.join(project, 'package.json'), '{ "name": "figures", "private": true }\n')
  writeFileSync(path.join(project, 'content', 'figs', 'deck.yml'), 'title: Figures\ntheme: daylight\nagenda: false\n')
  writeFileSync(path.join(project, 'content', 'figs', '01-figs.md'), DECK)
  const found = await findProject({ root: project, cwd: project })
  built = (await buildDeck(found, 'figs', { outDir: path.join(tmp, 'dist') })).value
  const result = await exportOutputs(built, { formats: ['pptx'] })
  file = result.value.files[0]!.file
  diagnostics = result.diagnostics
  pptx = await readPptx(file)
}, 180_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('diagrams and display formulas in the editable PowerPoint', () => {
  it('are pictures with their label or TeX as description, and media in the package', async () => {
    const diagram = await picturesOn('A flow')
    const formula = await picturesOn('The chain rule')
    expect(diagram.pics.map((p) => p.descr)).toEqual([ALT])
    expect(formula.pics.map((p) => p.descr)).toEqual([TEX])
    for (const pic of [...diagram.pics, ...formula.pics]) expect(pptx.zip.file(pic.media), pic.media).not.toBeNull()
    expect(diagnostics.filter((d) => d.code === 'export-not-placed')).toEqual([])
  })

  it('leave no raw TeX or diagram source as text; an inline formula is text with its superscript raised', async () => {
    const diagram = xmlText((await picturesOn('A flow')).xml)
    expect(diagram).not.toContain('flowchart')
    expect(diagram).not.toContain(ALT)
    const formula = xmlText((await picturesOn('The chain rule')).xml)
    expect(formula).not.toContain('\\frac')
    expect(formula).toContain('Each step applies it:')
    expect(formula).not.toContain('e^{')
    expect((await picturesOn('The chain rule')).xml).toMatch(/<a:rPr[^>]* baseline="30000"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>iπ<\/a:t>/)
  })

  it('are sized to the figure as drawn: the picture keeps its aspect, its ink fills it, a formula is not as wide as the slide', async () => {
    const slideWidth = built.theme.width * EMU_PER_PX
    for (const title of ['A flow', 'The chain rule']) {
      const [pic] = (await picturesOn(title)).pics
      const ink = await mediaInk(pic!.media)
      expect(pic!.cx / pic!.cy, title).toBeCloseTo(ink.width / ink.height, 1)
      expect(ink.spanW, title).toBeGreaterThan(0.9)
      expect(ink.spanH, title).toBeGreaterThan(0.75) // line boxes reach a little above and below the glyphs
    }
    const [formula] = (await picturesOn('The chain rule')).pics
    expect(formula!.cx / slideWidth).toBeLessThan(0.35)
    expect(formula!.cx / slideWidth).toBeGreaterThan(0.08)
  })

  it('are drawn by LibreOffice Impress where the package puts them', async () => {
    const pdf = convertWithLibreOffice(file, tmp)
    const read = await readPdf(pdf)
    expect(read.pages).toBe(built.slides.length)
    // The inline formula is text there too: its letters, its Greek and its operators, no TeX.
    const chain = read.text[built.slides.findIndex((s) => s.data.title === 'The chain rule')]!
    expect(chain).toMatch(/e\s*iπ\s*\+\s*1\s*=\s*0/)
    expect(chain).not.toContain('\\pi')
    const pages = renderPages(pdf, 50)
    for (const title of ['A flow', 'The chain rule']) {
      const index = built.slides.findIndex((s) => s.data.title === title)
      const page = pages[index]!
      const [pic] = (await picturesOn(title)).pics
      const px = page.width / (built.theme.width * EMU_PER_PX)
      const [x0, y0, x1, y1] = [pic!.x * px, pic!.y * px, (pic!.x + pic!.cx) * px, (pic!.y + pic!.cy) * px]
      expect(inkShare(page, x0, y0, x1, y1, 160), title).toBeGreaterThan(0.03)
      // The ink is the picture's: the band of the same height beside it on the right is blank.
      if (x1 < page.width * 0.8) expect(inkShare(page, x1 + 10, y0, page.width - 40, y1, 160), title).toBeLessThan(0.005)
    }
  }, 240_000)
})

describe('export on the command line with the embedded browser', () => {
  it('says once that it unpacks the browser, then writes the PNGs and the PowerPoint', () => {
    const cache = path.join(tmp, 'cache')
    const out = path.join(tmp, 'cli')
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), 'export', 'figs', '--to', 'png,pptx', '--browser', 'embedded', '--root', project, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cache },
    })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr.match(/unpacking the browser, once/g) ?? []).toHaveLength(1)
    expect(existsSync(path.join(out, 'figs', 'figs.pptx'))).toBe(true)
    expect(existsSync(path.join(out, 'figs', 'slide-01.png'))).toBe(true)
  }, 240_000)
})
