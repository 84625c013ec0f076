// Pure: the built-in layouts that are not a heading over content: the deck's title slide, a
// chapter's section slide, the end slide, a quote and the agenda.
import type { ChapterRef, ContentBlock, DeckConfig, Slide, ThemeBrand } from '../../model.js'
import { plainRuns } from '../../slides/extract-blocks.js'
import { DESIGN_HEIGHT, DESIGN_WIDTH, SIZE, SLOT, backgroundColours, hex, mix } from './design.js'
import { chapterKicker, kickerParagraph, planHeader, titleParagraph } from './plan-header.js'
import { fitFactor, lineCount, textHeight } from './measure-text.js'
import type { PlanParagraph, PlanShape } from './slide-plan.js'
import { textParagraphs } from './text-blocks.js'

export interface Opened {
  readonly shapes: PlanShape[]
  /** Blocks the layout showed (the rest are for the caller to place or report). */
  readonly used: ReadonlySet<ContentBlock>
}

const LEFT = 96
const WIDTH = 1000

function lines(p: PlanParagraph, width = WIDTH): number {
  return lineCount(p, width) * p.size * (p.lineHeight ?? 1.3)
}

/** Stacks paragraphs (each its own box) centred in the slide's height; the title one goes in the title placeholder. */
function centred(parts: readonly { p: PlanParagraph; gap: number; title?: boolean; rule?: string }[], top = 88, bottom = 64): PlanShape[] {
  const heights = parts.map((part) => (part.rule ? 6 : lines(part.p)))
  const total = heights.reduce((s, h, i) => s + h + parts[i]!.gap, 0)
  let y = top + Math.max(0, (DESIGN_HEIGHT - top - bottom - total) / 2)
  const shapes: PlanShape[] = []
  parts.forEach((part, i) => {
    y += part.gap
    const box = { x: LEFT, y, w: WIDTH, h: heights[i]! }
    if (part.rule) shapes.push({ kind: 'rect', box: { ...box, w: 96 }, fill: part.rule, radius: 3, name: 'Accent rule' })
    else shapes.push({ kind: 'text', box, paragraphs: [part.p], ...(part.title && { placeholder: 'title' as const }), valign: 'top' })
    y += heights[i]!
  })
  return shapes
}

const para = (text: string, size: number, colour: string, extra: Partial<PlanParagraph> = {}): PlanParagraph => ({
  runs: [{ text }], size, font: 'body', colour, lineHeight: 1.35, ...extra,
})

function metaLine(items: readonly string[], colour: string): PlanShape[] {
  const text = items.filter(Boolean).join('  ·  ')
  if (!text) return []
  return [{ kind: 'text', box: { x: LEFT, y: DESIGN_HEIGHT - 52 - 28, w: WIDTH, h: 28 }, paragraphs: [para(text, 19, colour)], name: 'Meta' }]
}

/** Title and end slides: the title slide's colours, text stacked in the middle. */
export function planTitle(slide: Slide, deck: DeckConfig, brand: ThemeBrand, end: boolean): Opened {
  const text = hex(brand.titleSlide.text) ?? 'FFFFFF'
  const bg = brandBackground(brand.titleSlide.background)
  const soft = mix(text, bg, 0.78)
  const blocks = slide.data.blocks ?? []
  const lead = blocks[0]?.kind === 'paragraph' ? blocks[0] : undefined
  const title = slide.data.title || (end ? 'Thank you' : deck.title)
  const subtitle = lead ? plainRuns(lead.runs) : end ? 'Questions?' : deck.subtitle
  const used = new Set<ContentBlock>(lead ? [lead] : [])
  const parts: { p: PlanParagraph; gap: number; title?: boolean; rule?: string }[] = []
  if (!end && deck.event) parts.push({ p: para(deck.event, 18, soft, { bold: true, upper: true, letterSpacing: 0.16 }), gap: 0 })
  parts.push({ p: { ...titleParagraph(title, 68, WIDTH, text, 3), lineHeight: 1.05 }, gap: parts.length ? 22 : 0, title: true })
  parts.push({ p: para('', 1, text), gap: 28, rule: SLOT.accent })
  if (subtitle) parts.push({ p: para(subtitle, 30, mix(text, bg, 0.9)), gap: 28 })
  for (const block of blocks) {
    if (used.has(block)) continue
    used.add(block)
    for (const p of textParagraphs(block, { size: 22, colour: text, heading: text })) parts.push({ p, gap: 12 })
  }
  const meta = end ? [deck.author, deck.event] : [deck.author, deck.date]
  return { shapes: [...centred(parts, 88, 110), ...metaLine(meta, soft)], used }
}

/** A chapter opener: its number big (or, for a section inside a chapter, a kicker), title, rule and subtitle. */
export function planSection(slide: Slide, brand: ThemeBrand): Opened {
  const text = hex(brand.sectionSlide.text) ?? '14213D'
  const bg = brandBackground(brand.sectionSlide.background)
  const chapter = slide.chapter
  const blocks = slide.data.blocks ?? []
  const lead = blocks[0]?.kind === 'paragraph' ? blocks[0] : undefined
  const parts: { p: PlanParagraph; gap: number; title?: boolean; rule?: string }[] = []
  if (chapter && slide.generated) parts.push({ p: para(String(chapter.number).padStart(2, '0'), 120, mix(text, bg, 0.35), { font: 'heading', bold: true, lineHeight: 1 }), gap: 0 })
  else if (chapter) parts.push({ p: kickerParagraph(chapterKicker(chapter), mix(text, bg, 0.75)), gap: 0 })
  parts.push({ p: titleParagraph(slide.data.title || chapter?.title || '', 62, WIDTH, text, 3), gap: parts.length ? 14 : 0, title: true })
  parts.push({ p: para('', 1, text), gap: 26, rule: mix(text, bg, 0.6) })
  const subtitle = lead ? plainRuns(lead.runs) : slide.generated ? (chapter?.subtitle ?? '') : ''
  if (subtitle) parts.push({ p: para(subtitle, 28, mix(text, bg, 0.88)), gap: 24 })
  return { shapes: centred(parts), used: new Set(lead ? [lead] : []) }
}

/** A lone quote: the mark, the words in the heading font, the attribution after a short rule. */
export function planQuote(slide: Slide): Opened {
  const blocks = slide.data.blocks ?? []
  const quote = blocks.find((b): b is Extract<ContentBlock, { kind: 'quote' }> => b.kind === 'quote')
  if (!quote) return { shapes: [], used: new Set() }
  const width = DESIGN_WIDTH - 240
  const words = quote.blocks.flatMap((b) => textParagraphs(b, { size: 42, colour: SLOT.heading, heading: SLOT.heading })).map((p) => ({ ...p, font: 'heading' as const, lineHeight: 1.28 }))
  const h = textHeight(words, width)
  const citeH = quote.cite ? 34 + 30 : 0
  const top = Math.max(150, (DESIGN_HEIGHT - h - citeH) / 2)
  const shapes: PlanShape[] = []
  if (slide.data.title) shapes.push({ kind: 'text', box: { x: 120, y: 56, w: width, h: 22 }, paragraphs: [kickerParagraph(slide.data.title)], placeholder: 'title' })
  const mark = { runs: [{ text: '“' }], size: 200, font: 'heading' as const, colour: SLOT.accent, lineHeight: 1 }
  shapes.push({ kind: 'text', box: { x: 106, y: top - 118, w: 160, h: 170 }, paragraphs: [mark], name: 'Quote mark' })
  shapes.push({ kind: 'text', box: { x: 120, y: top, w: width, h }, paragraphs: words, shrink: true, name: 'Quote' })
  if (quote.cite) {
    const y = top + h + 34
    shapes.push({ kind: 'rect', box: { x: 120, y: y + 13, w: 40, h: 3 }, fill: SLOT.accent, name: 'Attribution rule' })
    shapes.push({ kind: 'text', box: { x: 176, y, w: width - 56, h: 30 }, paragraphs: [para(quote.cite, 22, SLOT.muted)], name: 'Attribution' })
  }
  return { shapes, used: new Set([quote]) }
}

/** The agenda: one entry per chapter, numbered, each linking to the chapter's first slide. */
export function planAgenda(slide: Slide, chapters: readonly ChapterRef[], slideNumber: (id: string) => number | undefined): Opened {
  const head = planHeader(slide.data.title || 'Agenda', null)
  const two = chapters.length > 5
  const gap = 56
  const columnWidth = two ? (DESIGN_WIDTH - 2 * SIZE.marginX - gap) / 2 : DESIGN_WIDTH - 2 * SIZE.marginX
  const perColumn = two ? Math.ceil(chapters.length / 2) : chapters.length
  const textWidth = columnWidth - 60
  const entry = (chapter: ChapterRef, f: number): PlanParagraph[] => {
    const size = (two ? 24 : 28) * f
    const title: PlanParagraph = { runs: [{ text: chapter.title || chapter.file }], size, font: 'body', colour: SLOT.heading, bold: true, lineHeight: 1.2 }
    const sub: PlanParagraph[] = chapter.subtitle ? [{ runs: [{ text: chapter.subtitle }], size: 18 * f, font: 'body', colour: SLOT.muted, lineHeight: 1.3, spaceBefore: 2 }] : []
    return [title, ...sub]
  }
  const rowHeight = (f: number): number => Math.max(...chapters.map((c) => textHeight(entry(c, f), textWidth))) + (two ? 18 : 24)
  const region = DESIGN_HEIGHT - SIZE.marginBottom - head.bottom
  const f = fitFactor((k) => rowHeight(k) * perColumn, region).factor
  const rowH = rowHeight(f)
  const shapes: PlanShape[] = [...head.shapes]
  chapters.forEach((chapter, i) => {
    const x = SIZE.marginX + Math.floor(i / perColumn) * (columnWidth + gap)
    const y = head.bottom + (i % perColumn) * rowH
    // The number links to the chapter's first slide (a linked title would not wrap at its spaces in LibreOffice).
    const target = slideNumber(chapter.firstSlideId)
    const number: PlanParagraph = { runs: [{ text: String(chapter.number).padStart(2, '0'), colour: SLOT.accent, ...(target && { slide: target }) }], size: 24 * f, font: 'heading', colour: SLOT.accent, bold: true, lineHeight: 1.2 }
    shapes.push({ kind: 'text', box: { x, y: y + 8, w: 52, h: 32 }, paragraphs: [number], name: `Agenda number ${chapter.number}` })
    shapes.push({ kind: 'text', box: { x: x + 60, y: y + 8, w: textWidth, h: rowH - 12 }, paragraphs: entry(chapter, f), name: `Agenda ${chapter.number}` })
    shapes.push({ kind: 'line', box: { x, y: y + rowH - 2, w: columnWidth, h: 0 }, colour: SLOT.rule, width: 1 })
  })
  return { shapes, used: new Set(slide.data.blocks ?? []) }
}

/** A background's first colour (a gradient's first stop), for mixing faded text. */
export function brandBackground(background: string): string {
  return backgroundColours(background)[0] ?? '14213D'
}
