// Slide pictures, read back as their users would: the PNG files in the deck's folder (count,
// names that sort, size, the pixels of a known coloured slide, fragment steps, the contact
// sheet) and the picture PowerPoint (one full-slide picture per slide, notes, and what
// LibreOffice Impress shows of it).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { exportOutputs, type ExportOutputsResult } from '../../src/export/export-outputs.js'
import { contactSheetLayout } from '../../src/export/png/png-names.js'
import { findProject } from '../../src/project/find-project.js'
import { runCli } from '../helpers/run-cli.js'
import { tempProject } from '../helpers/temp-dir.js'
import { convertWithLibreOffice, readPptx, xmlText, type PptxPackage } from './helpers/pptx-package.js'

const CHAPTER = [
  '<!-- template: image -->', '',
  '## Red slide', '', '![Red block](images/red.png)', '',
  'Note:', 'Start with the red one.', '',
  '---', '',
  '## Steps', '',
  '+ First point that appears', '+ Second point that appears', '',
  '---', '',
  '## Plain', '', 'Nothing to step through.', '',
].join('\n')

let project: string
let built: BuiltDeck
let first: ExportOutputsResult
let pptx: PptxPackage

const pngs = (): string[] => readdirSync(built.outDir).filter((n) => n.endsWith('.png')).sort()
const pixel = async (file: string, x: number, y: number): Promise<number[]> => {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const i = (Math.round(y) * info.width + Math.round(x)) * 3
  return [data[i]!, data[i + 1]!, data[i + 2]!]
}
/** Share of pixels in a box that are darker than the slide's light background. */
const ink = async (file: string, box: { left: number; top: number; width: number; height: number }): Promise<number> => {
  const { data } = await sharp(file).extract(box).greyscale().raw().toBuffer({ resolveWithObject: true })
  return data.filter((v) => v < 160).length / data.length
}
const isRed = ([r, g, b]: number[]): boolean => r! > 220 && g! < 40 && b! < 40

beforeAll(async () => {
  const red = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff0000' } }).png().toBuffer()
  project = tempProject({
    'content/pics/images/red.png': red,
    'package.json': '{ "name": "pictures", "private": true }\n',
    'content/pics/deck.yml': 'title: Picture deck\nauthor: Ada\nexports: [png, pptx-images]\n',
    'content/pics/01-slides.md': CHAPTER,
  }, 'deckhand-e2e-png-')
  const found = await findProject({ root: project, cwd: project })
  built = (await buildDeck(found, 'pics', { outDir: path.join(project, 'dist') })).value
  // deck.yml's exports: PNG and the picture PowerPoint, from one set of pictures.
  first = (await exportOutputs(built)).value
  pptx = await readPptx(first.files.find((f) => f.format === 'pptx-images')!.file)
}, 180_000)

afterAll(() => rmSync(project, { recursive: true, force: true }))

describe('PNG per slide', () => {
  it('writes one picture per slide, named so that they sort, at the slide size', async () => {
    const count = built.slides.length
    expect(first.files.filter((f) => f.format === 'png')).toHaveLength(count)
    expect(pngs()).toEqual(Array.from({ length: count }, (_, i) => `slide-${String(i + 1).padStart(2, '0')}.png`))
    for (const name of pngs()) {
      const meta = await sharp(path.join(built.outDir, name)).metadata()
      expect([meta.width, meta.height], name).toEqual([built.theme.width, built.theme.height])
    }
  })

  it('shows the red picture in the middle of its slide, and nowhere else', async () => {
    const { width, height } = built.theme
    for (const slide of built.slides) {
      const file = path.join(built.outDir, `slide-${String(slide.index).padStart(2, '0')}.png`)
      expect(isRed(await pixel(file, width / 2, height / 2 + 40)), slide.data.title).toBe(slide.data.title === 'Red slide')
      expect(isRed(await pixel(file, 10, 10)), slide.data.title).toBe(false)
    }
  })

  it('at a chosen width, per fragment step, with a contact sheet; pictures of the last export are replaced', async () => {
    const result = await exportOutputs(built, { formats: ['png'], width: 640, fragments: true, contactSheet: true })
    const steps = built.slides.find((s) => s.data.title === 'Steps')!
    const n = String(steps.index).padStart(2, '0')
    const names = pngs()
    expect(names.filter((f) => f.startsWith(`slide-${n}-`))).toEqual([`slide-${n}-1.png`, `slide-${n}-2.png`, `slide-${n}-3.png`])
    expect(names).not.toContain(`slide-${n}.png`)
    expect(names).toContain('contact-sheet.png')
    expect(result.value.files).toHaveLength(built.slides.length + 2 + 1)
    const meta = await sharp(path.join(built.outDir, `slide-${n}-1.png`)).metadata()
    expect([meta.width, meta.height]).toEqual([640, 360])
    // The list area: empty before the first step, then one point, then both.
    const list = { left: 20, top: 92, width: 400, height: 60 }
    const shown = await Promise.all([1, 2, 3].map((k) => ink(path.join(built.outDir, `slide-${n}-${k}.png`), list)))
    expect(shown[0]).toBeLessThan(0.002)
    expect(shown[1]).toBeGreaterThan(0.005)
    expect(shown[2]).toBeGreaterThan(shown[1]! * 1.5)
    const sheet = await sharp(path.join(built.outDir, 'contact-sheet.png')).metadata()
    const layout = contactSheetLayout(built.slides.length, built.theme)
    expect([sheet.width, sheet.height]).toEqual([layout.width, layout.height])
    // The red slide's thumbnail sits in its cell on the sheet.
    const red = built.slides.find((s) => s.data.title === 'Red slide')!
    const place = layout.places[red.index - 1]!
    const sheetFile = path.join(built.outDir, 'contact-sheet.png')
    expect(isRed(await pixel(sheetFile, place.left + layout.cell.width / 2, place.top + layout.cell.height / 2 + 15))).toBe(true)
    expect(isRed(await pixel(sheetFile, place.left + 3, place.top + 3))).toBe(false)
  }, 180_000)
})

describe('the picture PowerPoint', () => {
  it('has one slide per deck slide, each one full-slide PNG picture with the slide title as its description', async () => {
    expect(pptx.slides).toHaveLength(built.slides.length)
    const media = Object.keys(pptx.zip.files).filter((n) => n.startsWith('ppt/media/'))
    expect(media.length).toBeGreaterThanOrEqual(built.slides.length)
    pptx.slides.forEach((xml, i) => {
      expect(xml.match(/<p:pic>/g), `slide ${i + 1}`).toHaveLength(1)
      expect(xml, `slide ${i + 1}`).toMatch(/<a:off x="0" y="0"\/>/)
    })
    expect(pptx.slides.some((xml) => xml.includes('descr="Red slide"'))).toBe(true)
  })

  it('carries the speaker notes', () => {
    const red = built.slides.find((s) => s.data.title === 'Red slide')!
    expect(xmlText(pptx.notes[red.index - 1]!)).toContain('Start with the red one.')
  })

  it('shows in LibreOffice Impress as the slides do: the red picture on its slide only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-png-lo-'))
    try {
      const pdf = convertWithLibreOffice(first.files.find((f) => f.format === 'pptx-images')!.file, dir)
      execFileSync('pdftoppm', ['-png', '-r', '40', pdf, path.join(dir, 'page')])
      const pages = readdirSync(dir).filter((n) => n.startsWith('page')).sort()
      expect(pages).toHaveLength(built.slides.length)
      const red = built.slides.find((s) => s.data.title === 'Red slide')!
      for (const [i, page] of pages.entries()) {
        const meta = await sharp(path.join(dir, page)).metadata()
        const corner = await pixel(path.join(dir, page), Math.round(meta.width! * 0.02), Math.round(meta.height! * 0.03))
        const centre = await pixel(path.join(dir, page), Math.round(meta.width! / 2), Math.round(meta.height! * 0.58))
        expect([isRed(corner), isRed(centre)], page).toEqual([false, i === red.index - 1])
      }
      expect(readFileSync(pdf).length).toBeGreaterThan(1000)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})

describe('deckhand export --to png', () => {
  it('takes a width, tells the pictures as one entry, and refuses a scale that is not a positive number', async () => {
    const out = path.join(project, 'cli-dist')
    const r = await runCli(project, 'export', 'pics', '--to', 'png', '--width', '320', '--out', out)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`${built.slides.length} PNGs in \\S*cli-dist/pics \\(\\d+ KB\\)`))
    const meta = await sharp(path.join(out, 'pics', 'slide-01.png')).metadata()
    expect([meta.width, meta.height]).toEqual([320, 180])
    const bad = await runCli(project, 'export', 'pics', '--to', 'png', '--scale', '0', '--out', out)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--scale')
  }, 180_000)
})
