// I/O: plans -> a .pptx package through pptxgenjs, with the pictures the slides show read from
// the built deck's folder (SVGs keep a PNG fallback drawn with sharp), then the package's
// parts conformed (conform-pptx) and zipped again.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error, warning, type Diagnostic } from '../../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, Slide, ThemeBrand, ThemeStyle } from '../../model.js'
import { DESIGN_HEIGHT, DESIGN_WIDTH, hex } from './design.js'
import { accentBullets, backgroundEffects, fontPitches, masterBackground, notesParagraphs, oneParagraphProperties, placeholderBoxes, svgFallbacks, themeColours, type BoxInches } from './conform-pptx.js'
import { gradientSvg } from './gradient-svg.js'
import { MASTER_TITLES, masterDefinitions, type MasterBackground } from './pptx-masters.js'
import { drawnShape, textRuns, type Units } from './pptx-shapes.js'
import type { Box, PlanShape, SlidePlan } from './slide-plan.js'
import type { FigurePicture, SlideFigures } from '../capture-figures.js'

export interface WritePptxInput {
  readonly plans: readonly SlidePlan[]
  readonly slides: readonly Slide[]
  readonly deck: DeckConfig
  readonly theme: ThemeStyle
  readonly brand: ThemeBrand
  /** The built deck's folder, where the pictures are. */
  readonly outDir: string
  /** Pictures of the diagrams and display formulas, by slide number (see capture-figures). */
  readonly figures?: SlideFigures
}

interface Picture {
  readonly data: string
  readonly w: number
  readonly h: number
  /** PNG drawn from an SVG, for applications that cannot show SVG. */
  readonly fallback?: Buffer
}

/** Minimal surface of pptxgenjs used here (its bundled types do not resolve under NodeNext). */
interface Pres {
  layout: string
  title: string
  author: string
  subject: string
  theme: { headFontFace: string; bodyFontFace: string }
  defineLayout(l: { name: string; width: number; height: number }): void
  defineSlideMaster(m: object): void
  addSection(s: { title: string }): void
  addSlide(o: { masterName: string; sectionTitle?: string }): PresSlide
  write(o: { outputType: 'nodebuffer'; compression: boolean }): Promise<unknown>
}
interface PresSlide {
  background: object
  addText(text: object[], options: object): void
  addShape(type: string, options: object): void
  addImage(options: object): void
  addTable(rows: object[][], options: object): void
  addNotes(text: string): void
}

export async function writePptx(input: WritePptxInput): Promise<{ data: Buffer; diagnostics: Diagnostic[] }> {
  const [{ default: PptxGenJS }, { default: sharp }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('sharp'), import('jszip')])
  const diagnostics: Diagnostic[] = []
  const scale = input.theme.width / DESIGN_WIDTH
  const u: Units = {
    inch: (px) => (px * scale) / 96,
    points: (px) => Math.round(px * scale * 0.75 * 10) / 10,
    font: (role) => (role === 'heading' ? '+mj-lt' : role === 'body' ? '+mn-lt' : input.brand.fonts.code || 'Courier New'),
  }
  const pictures = new Map<string, Promise<Picture>>()
  const picture = (src: string, w: number, h: number): Promise<Picture> => {
    const key = `${src}@${Math.round(w)}x${Math.round(h)}`
    if (!pictures.has(key)) pictures.set(key, readPicture(sharp, path.join(input.outDir, src), w, h))
    return pictures.get(key)!
  }
  const background = async (look: ThemeBrand['titleSlide']): Promise<MasterBackground> => {
    const colour = hex(look.background)
    if (colour) return { color: colour }
    const svg = gradientSvg(look.background, input.theme.width * 2, DESIGN_HEIGHT * scale * 2)
    if (svg) return { data: `image/png;base64,${(await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64')}` }
    if (/^theme\//.test(look.background)) return { data: (await picture(look.background, input.theme.width, input.theme.height)).data }
    return { color: hex(input.brand.colors.background) ?? 'FFFFFF' }
  }

  const pres = new (PptxGenJS as unknown as new () => Pres)()
  pres.defineLayout({ name: 'DECK', width: u.inch(DESIGN_WIDTH), height: u.inch(DESIGN_HEIGHT) })
  pres.layout = 'DECK'
  pres.title = input.deck.title
  pres.author = input.deck.author
  pres.subject = input.deck.subtitle
  pres.theme = { headFontFace: input.brand.fonts.heading || 'Calibri Light', bodyFontFace: input.brand.fonts.body || 'Calibri' }
  const logo = input.theme.logo ? await picture(input.theme.logo.src, 400, 400) : undefined
  for (const { definition } of masterDefinitions({
    brand: input.brand,
    footer: [input.theme.footer, input.deck.title].filter(Boolean).join('  ·  '),
    ...(logo && input.theme.logo && { logo: { data: logo.data, w: logo.w, h: logo.h, position: input.theme.logo.position, alt: input.theme.logo.alt } }),
    titleBackground: await background(input.brand.titleSlide),
    sectionBackground: await background(input.brand.sectionSlide),
    inch: u.inch,
    points: u.points,
  })) {
    pres.defineSlideMaster(definition)
  }

  const boxes: Partial<Record<'title' | 'body', BoxInches>>[] = []
  let section = ''
  for (const [i, plan] of input.plans.entries()) {
    const slide = input.slides[i]!
    const name = sectionName(slide.chapter, input.deck)
    if (name !== section) pres.addSection({ title: (section = name) })
    const target = pres.addSlide({ masterName: MASTER_TITLES[plan.master], sectionTitle: section })
    try {
      if (plan.background) target.background = 'colour' in plan.background ? { color: plan.background.colour } : { data: (await picture(plan.background.image, input.theme.width, input.theme.height)).data }
      boxes.push(await addShapes(target, plan.shapes, u, picture, slide, diagnostics, input.figures?.get(slide.index) ?? []))
      target.addNotes(plan.notes.join('\n'))
    } catch (cause) {
      if (cause instanceof DeckError) throw cause
      throw new DeckError(error('export-failed', `Could not make PowerPoint slide ${slide.index}: ${reason(cause)}`, slide.span), { cause })
    }
    diagnostics.push(...plan.diagnostics)
  }
  const written = (await pres.write({ outputType: 'nodebuffer', compression: false })) as Buffer
  const zip = await JSZip.loadAsync(written)
  await conform(zip, input, boxes, pictures)
  return { data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }), diagnostics }
}

async function addShapes(slide: PresSlide, shapes: readonly PlanShape[], u: Units, picture: (src: string, w: number, h: number) => Promise<Picture>, source: Slide, diagnostics: Diagnostic[], figures: readonly FigurePicture[]) {
  const boxes: Partial<Record<'title' | 'body', BoxInches>> = {}
  const inches = (b: Box): BoxInches => ({ x: u.inch(b.x), y: u.inch(b.y), w: u.inch(b.w), h: u.inch(b.h) })
  for (const shape of shapes) {
    if (shape.kind === 'text') {
      const code = shape.paragraphs.every((p) => p.font === 'code')
      const options = shape.placeholder
        ? { placeholder: shape.placeholder }
        : { ...inches(shape.box), margin: shape.inset ?? 0, valign: shape.valign ?? 'top', ...(shape.fill && { fill: { color: shape.fill } }), ...(code && { wrap: false }), ...(shape.name && { objectName: shape.name }) }
      if (shape.placeholder) boxes[shape.placeholder] = inches(shape.box)
      slide.addText(textRuns(shape.paragraphs, u), { ...options, ...(shape.shrink && { fit: 'shrink' }) })
    } else if (shape.kind === 'image') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(shape.src)) {
        diagnostics.push(warning('export-not-placed', `The picture ${shape.src} on slide ${source.index} is not local; the PowerPoint shows its description instead`, { file: source.span.file, line: shape.line }))
        textInstead(slide, shape.alt || shape.src, inches(shape.box), u)
        continue
      }
      const pic = await picture(shape.src, shape.box.w * 2, shape.box.h * 2).catch((cause: unknown) => {
        throw new DeckError(error('export-failed', `Could not read the picture ${shape.src} for PowerPoint slide ${source.index}: ${reason(cause)}`, { file: source.span.file, line: shape.line }), { cause })
      })
      slide.addImage({ data: pic.data, ...inches(contain(shape.box, pic.w, pic.h)), altText: shape.alt })
    } else if (shape.kind === 'figure') {
      const pic = figures[shape.figure]
      if (!pic?.png) {
        const what = shape.of === 'formula' ? 'formula (its TeX)' : 'diagram (its label)'
        diagnostics.push(warning('export-not-placed', `A ${shape.of} on slide ${source.index} was not drawn on the slide, so it has no picture; the PowerPoint shows the ${what} instead`, { file: source.span.file, line: shape.line }))
        textInstead(slide, shape.text, inches(shape.box), u, shape.of === 'formula' ? 'code' : 'body')
        continue
      }
      // At its size on the slide, smaller only when the box is.
      const frame = contain(shape.box, pic.w, pic.h)
      const fitted = frame.w > pic.w ? { x: frame.x + (frame.w - pic.w) / 2, y: frame.y + (frame.h - pic.h) / 2, w: pic.w, h: pic.h } : frame
      slide.addImage({ data: `image/png;base64,${pic.png.toString('base64')}`, ...inches(fitted), altText: shape.text })
    } else if (shape.kind === 'table') {
      slide.addTable(tableRows(shape, u), { ...inches(shape.box), colW: columnWidths(shape).map((w) => u.inch(w * shape.box.w)), margin: [u.points(8), u.points(12), u.points(8), u.points(12)], autoPage: false })
    } else {
      const { type, options } = drawnShape(shape, u)
      slide.addShape(type, options)
    }
  }
  return boxes
}

/** A picture's description in its place, for a picture the PowerPoint cannot hold. */
function textInstead(slide: PresSlide, text: string, box: BoxInches, u: Units, font: 'body' | 'code' = 'body'): void {
  slide.addText([{ text, options: { fontFace: u.font(font), fontSize: u.points(18), color: 'accent2', italic: font === 'body' } }], { ...box, align: 'center', valign: 'middle', margin: 0 })
}

type TableShape = Extract<PlanShape, { kind: 'table' }>

function tableRows(shape: TableShape, u: Units): object[][] {
  const cell = (runs: TableShape['header'][number], header: boolean, align: string) => ({
    text: textRuns([{ runs, size: shape.size, font: 'body', colour: header ? 'tx2' : 'tx1', bold: header }], u),
    options: { align, valign: 'middle', border: [{ type: 'none' }, { type: 'none' }, { type: 'solid', pt: header ? 1.5 : 0.75, color: header ? 'accent1' : 'accent3' }, { type: 'none' }] },
  })
  return [shape.header.map((c, i) => cell(c, true, shape.align[i] ?? 'left')), ...shape.rows.map((row) => row.map((c, i) => cell(c, false, shape.align[i] ?? 'left')))]
}

/** Each column's share of the width, by the longest text in it (no column under half an even share). */
function columnWidths(shape: TableShape): number[] {
  const n = shape.header.length || 1
  const lengths = Array.from({ length: n }, (_, i) => Math.max(...[shape.header, ...shape.rows].map((row) => (row[i] ?? []).map((r) => r.text).join('').length), 1))
  const floor = Math.max(...lengths) / 2 / n
  const weights = lengths.map((l) => Math.max(l, floor))
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => w / total)
}

/** The largest box of the picture's proportions inside `box`, centred. */
function contain(box: Box, w: number, h: number): Box {
  const s = Math.min(box.w / w, box.h / h)
  const [cw, ch] = [w * s, h * s]
  return { x: box.x + (box.w - cw) / 2, y: box.y + (box.h - ch) / 2, w: cw, h: ch }
}

type SharpFn = typeof import('sharp').default

async function readPicture(sharp: SharpFn, file: string, w: number, h: number): Promise<Picture> {
  const bytes = await readFile(file)
  const meta = await sharp(bytes).metadata()
  const width = meta.width ?? 1
  const height = meta.height ?? 1
  if (meta.format === 'svg') {
    // Drawn at twice the size it is shown, so the fallback stays sharp on a projector.
    const density = Math.min(600, Math.max(72, 72 * Math.min(w / width, h / height)))
    const fallback = await sharp(bytes, { density }).png().toBuffer()
    return { data: `image/svg+xml;base64,${bytes.toString('base64')}`, w: width, h: height, fallback }
  }
  const mime = meta.format === 'jpeg' ? 'jpeg' : meta.format === 'gif' ? 'gif' : 'png'
  const data = mime === 'png' && meta.format !== 'png' ? await sharp(bytes).png().toBuffer() : bytes
  return { data: `image/${mime};base64,${data.toString('base64')}`, w: width, h: height }
}

async function conform(zip: import('jszip'), input: WritePptxInput, boxes: readonly Partial<Record<'title' | 'body', BoxInches>>[], pictures: Map<string, Promise<Picture>>): Promise<void> {
  const edit = async (name: string, fn: (xml: string) => string): Promise<void> => {
    const file = zip.file(name)
    if (file) zip.file(name, fn(await file.async('string')))
  }
  const { fonts, fontKinds } = input.brand
  const pitches = (['heading', 'body', 'code'] as const).map((role) => ({ name: fonts[role], kind: fontKinds[role] }))
  await edit('ppt/theme/theme1.xml', (xml) => fontPitches(themeColours(xml, input.theme.name, input.brand.colors), pitches))
  await edit('ppt/slideMasters/slideMaster1.xml', (xml) => backgroundEffects(masterBackground(xml)))
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) await edit(name, (xml) => backgroundEffects(oneParagraphProperties(xml)))
  const fallbacks = new Map<string, Buffer>()
  for (const p of pictures.values()) {
    const pic = await p
    if (pic.fallback) fallbacks.set(pic.data, pic.fallback)
  }
  for (let n = 1; n <= input.plans.length; n++) {
    await edit(`ppt/slides/slide${n}.xml`, (xml) => accentBullets(fontPitches(placeholderBoxes(backgroundEffects(oneParagraphProperties(xml)), boxes[n - 1] ?? {}), pitches)))
    await edit(`ppt/notesSlides/notesSlide${n}.xml`, notesParagraphs)
    const rels = zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)
    if (!rels) continue
    for (const pair of svgFallbacks(await rels.async('string'))) {
      const svg = await zip.file(`ppt/media/${path.posix.basename(pair.svg)}`)?.async('base64')
      const png = svg && fallbacks.get(`image/svg+xml;base64,${svg}`)
      if (png) zip.file(`ppt/media/${path.posix.basename(pair.png)}`, png)
    }
  }
}

function sectionName(chapter: ChapterRef | null, deck: DeckConfig): string {
  return chapter ? `${chapter.number}. ${chapter.title || chapter.file}` : deck.title || 'Opening'
}

function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message.split('\n')[0]! : String(cause)
}
