// The editable PowerPoint, read back as its consumers would: the package's XML (slides,
// placeholders, bullet levels, tables, pictures, notes, theme, layouts, sections) and a
// LibreOffice Impress rendering whose pages show each slide's title and text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import { exportOutputs } from '../../src/export/export-outputs.js'
import { mix } from '../../src/export/pptx/design.js'
import { findProject } from '../../src/project/find-project.js'
import { gradientPng } from '../helpers/print-deck.js'
import { convertWithLibreOffice, placeholders, readPptx, xmlText, type PptxPackage } from './helpers/pptx-package.js'
import { readPdf } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FEATURES = [
  '---', 'title: Basics', '---', '',
  '## Levels and numbers', '',
  '- Top level with **bold** and `code`', '  - Second level', '    - Third level', '- Back on top', '',
  '1. First step', '2. Second step', '',
  ':::handout', 'Extra reading for the handout.', ':::', '',
  'Note:', 'Say the **levels** out loud.', '',
  '---', '',
  '## A table', '',
  '| Release | Year |', '| --- | ---: |', '| 1.0 | 2018 |', '| 2.0 | 2023 |', '',
  '---', '',
  '## Raw HTML', '',
  '<div class="box">Kept as text</div>', '',
  '---', '',
  '<!-- template: image -->', '',
  '## A picture', '',
  '![A gradient test picture](images/photo.png)', '',
].join('\n')
const RAW_HTML_LINE = FEATURES.split('\n').indexOf('<div class="box">Kept as text</div>') + 1

let tmp: string
let example: { built: BuiltDeck; pptx: PptxPackage; file: string }
let features: { built: BuiltDeck; pptx: PptxPackage; diagnostics: readonly Diagnostic[] }

async function exportDeck(root: string, deck: string) {
  const project = await findProject({ root, cwd: root })
  const built = (await buildDeck(project, deck, { outDir: path.join(tmp, 'dist') })).value
  const result = await exportOutputs(built, { formats: ['pptx'] })
  const file = result.value.files[0]!.file
  return { built, file, pptx: await readPptx(file), diagnostics: result.diagnostics }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-pptx-'))
  const project = path.join(tmp, 'features')
  mkdirSync(path.join(project, 'content', 'feat', 'images'), { recursive: true })
  writeFileSync(path.join(project, 'package.json'), '{ "name": "features", "private": true }\n')
  writeFileSync(path.join(project, 'content', 'feat', 'deck.yml'), 'title: Feature deck\nsubtitle: Every kind of block\nauthor: Ada\ntheme: northwind\n')
  writeFileSync(path.join(project, 'content', 'feat', '01-basics.md'), FEATURES)
  writeFileSync(path.join(project, 'content', 'feat', 'images', 'photo.png'), gradientPng(320, 200))
  example = await exportDeck(ROOT, 'pytorch-story')
  features = await exportDeck(project, 'feat')
})

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('the PowerPoint of the example deck', () => {
  it('has one slide per deck slide, each deck title in a title placeholder', () => {
    expect(example.pptx.slides).toHaveLength(example.built.slides.length)
    example.built.slides.forEach((slide, i) => {
      const title = slide.data.title || (slide.layout === 'title' ? example.built.config.title : '')
      if (!title) return
      expect(placeholders(example.pptx.slides[i]!, 'title').map(xmlText).join(' '), `slide ${i + 1}`).toContain(title)
    })
  })

  it('carries the speaker notes of every slide into its notes page', () => {
    example.built.slides.forEach((slide, i) => {
      if (!slide.notesText) return
      expect(xmlText(example.pptx.notes[i]!).replace(/\s+/g, ' '), `slide ${i + 1}`).toContain(slide.notesText.slice(0, 60))
    })
  })

  it('writes code as monospaced text in the highlighter colours', () => {
    const index = example.built.slides.findIndex((s) => s.layout === 'code')
    const xml = example.pptx.slides[index]!
    expect(xml).toContain('typeface="JetBrains Mono" pitchFamily="49"')
    const run = (text: string): string => new RegExp(`<a:srgbClr val="(\\w{6})"/></a:solidFill><a:latin typeface="JetBrains Mono"[^>]*/><a:ea[^>]*/><a:cs[^>]*/></a:rPr><a:t>${text}</a:t>`).exec(xml)?.[1] ?? ''
    // daylight's keyword colour on the marked line; lines not marked are faded into the code background.
    expect(run('compile')).toBe('A3271A')
    expect(run('import')).toBe(mix('A3271A', 'F3F0E9', 0.42))
  })

  it('puts each SVG in as SVG with a real PNG fallback', async () => {
    const media = Object.keys(example.pptx.zip.files).filter((n) => n.startsWith('ppt/media/'))
    expect(media.filter((n) => n.endsWith('.svg')).length).toBeGreaterThanOrEqual(3)
    const index = example.built.slides.findIndex((s) => s.data.images.some((img) => img.src.endsWith('four-phases.svg')))
    expect(example.pptx.slides[index]).toContain('asvg:svgBlip')
    const rels = await example.pptx.part(`ppt/slides/_rels/slide${index + 1}.xml.rels`)
    const png = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)![1]!
    const meta = await sharp(await example.pptx.zip.file(`ppt/media/${png}`)!.async('nodebuffer')).metadata()
    expect(meta.format).toBe('png')
    expect(meta.width).toBeGreaterThan(400)
  })

  it('has the kit in the theme and masters, and a section per chapter', async () => {
    const theme = await example.pptx.part('ppt/theme/theme1.xml')
    expect(theme).toMatch(/<a:accent1><a:srgbClr val="C2410C"\/><\/a:accent1>/)
    expect(theme).toMatch(/<a:dk2><a:srgbClr val="14213D"\/><\/a:dk2>/)
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Fraunces" pitchFamily="18"/)
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Inter" pitchFamily="34"/)
    const presentation = await example.pptx.part('ppt/presentation.xml')
    const sections = [...presentation.matchAll(/<p14:section name="([^"]+)"/g)].map((m) => m[1])
    expect(sections).toEqual([example.built.config.title.replace(/&/g, '&amp;'), ...example.built.chapters.map((c) => `${c.number}. ${c.title}`)])
  })

  it('writes one paragraph-properties element per paragraph, first, as the schema asks', () => {
    for (const xml of example.pptx.slides) {
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const count = (inner!.match(/<a:pPr\b/g) ?? []).length
        expect(count).toBeLessThanOrEqual(1)
        if (count) expect(inner!.startsWith('<a:pPr')).toBe(true)
      }
    }
  })

  it('renders in LibreOffice Impress with every slide title and its text on its page', async () => {
    const pdf = await readPdf(convertWithLibreOffice(example.file, tmp))
    expect(pdf.pages).toBe(example.built.slides.length)
    const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase()
    example.built.slides.forEach((slide, i) => {
      const page = squash(pdf.text[i]!)
      const title = slide.data.title || (slide.layout === 'title' ? example.built.config.title : '')
      if (title) expect(page, `page ${i + 1}`).toContain(squash(title))
      const first = slide.data.items[0]?.text
      if (first && slide.layout === 'content') expect(page, `page ${i + 1}`).toContain(squash(first))
    })
  }, 240_000)
})

describe('the PowerPoint of a deck with every kind of block', () => {
  const slideOf = (title: string): string => features.pptx.slides[features.built.slides.findIndex((s) => s.data.title === title)]!

  it('writes lists as bulleted paragraphs with their levels, numbered lists numbered', () => {
    const xml = slideOf('Levels and numbers')
    const body = placeholders(xml, 'body')[0]!
    const paragraph = (text: string): string => [...body.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((m) => m[0]).find((p) => xmlText(p).includes(text))!
    expect(paragraph('Top level')).toMatch(/<a:pPr [^>]*marL="\d+"[^>]*>.*<a:buChar .*<\/a:pPr>/)
    expect(paragraph('Top level')).not.toMatch(/lvl="/)
    expect(paragraph('Second level')).toMatch(/<a:pPr [^>]*lvl="1"/)
    expect(paragraph('Third level')).toMatch(/<a:pPr [^>]*lvl="2"/)
    expect(paragraph('First step')).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/>/)
    expect(paragraph('Top level')).toMatch(/<a:rPr [^>]*b="1"[^>]*>[\s\S]*<a:t>bold<\/a:t>/)
  })

  it('puts notes and handout-only text into the notes page', () => {
    const index = features.built.slides.findIndex((s) => s.data.title === 'Levels and numbers')
    const notes = xmlText(features.pptx.notes[index]!)
    expect(notes).toContain('Say the levels out loud.')
    expect(notes).toContain('Extra reading for the handout.')
    expect(xmlText(features.pptx.slides[index]!)).not.toContain('Extra reading')
  })

  it('writes a table as a table', () => {
    const xml = slideOf('A table')
    expect(xml).toContain('<a:tbl>')
    expect([...xml.matchAll(/<a:tr /g)]).toHaveLength(3)
    expect(xmlText(xml)).toMatch(/Release Year 1\.0 2018 2\.0 2023/)
  })

  it('places pictures as pictures with their description', async () => {
    const xml = slideOf('A picture')
    expect(xml).toMatch(/<p:pic>[\s\S]*descr="A gradient test picture"/)
    expect(Object.keys(features.pptx.zip.files).some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true)
  })

  it('keeps raw HTML as text and says so at its Markdown line', () => {
    expect(xmlText(slideOf('Raw HTML'))).toContain('Kept as text')
    expect(features.diagnostics).toContainEqual(expect.objectContaining({ code: 'export-not-placed', span: expect.objectContaining({ file: expect.stringMatching(/01-basics\.md$/), line: RAW_HTML_LINE }) }))
  })

  it("puts the company kit's logo and footer on the layouts and its colours in the theme", async () => {
    const layouts = await Promise.all(Object.keys(features.pptx.zip.files).filter((n) => /slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => features.pptx.part(n)))
    expect(layouts.filter((xml) => xml.includes('descr="Northwind Robotics"')).length).toBeGreaterThanOrEqual(4)
    expect(layouts.some((xml) => xmlText(xml).includes('Northwind Robotics · Internal'))).toBe(true)
    const theme = await features.pptx.part('ppt/theme/theme1.xml')
    expect(theme).toMatch(/<a:accent1><a:srgbClr val="0B7285"\/><\/a:accent1>/)
    expect(theme).toContain('<a:clrScheme name="northwind">')
  })
})
