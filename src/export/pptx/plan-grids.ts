// Pure: the layouts that set content in a grid: cards (one per `###` section) and the timeline
// (one event per list item, `**2016** — what happened`).
import type { ContentBlock, ListEntry, TextRun } from '../../model.js'
import { plainRuns } from '../../slides/extract-blocks.js'
import { SLOT } from './design.js'
import { fitFactor, scaleParagraphs, textHeight } from './measure-text.js'
import type { Box, PlanParagraph, PlanShape } from './slide-plan.js'
import { planRuns, textParagraphs } from './text-blocks.js'

export interface Grid {
  readonly shapes: PlanShape[]
  readonly used: ReadonlySet<ContentBlock>
  /** Where the grid ends (the caller may flow more below). */
  readonly bottom: number
  readonly fits: boolean
}

/** Cards: blocks from each sub-heading to the next become one card. Blocks before the first are the caller's. */
export function splitSections(blocks: readonly ContentBlock[]): { before: ContentBlock[]; sections: { heading: Extract<ContentBlock, { kind: 'heading' }>; body: ContentBlock[] }[] } {
  const before: ContentBlock[] = []
  const sections: { heading: Extract<ContentBlock, { kind: 'heading' }>; body: ContentBlock[] }[] = []
  for (const block of blocks) {
    if (block.kind === 'heading') sections.push({ heading: block, body: [] })
    else if (sections.length) sections[sections.length - 1]!.body.push(block)
    else before.push(block)
  }
  return { before, sections }
}

function gridColumns(count: number, kind: 'cards' | 'timeline'): number {
  if (kind === 'cards') return count === 4 ? 4 : count <= 3 ? count : 3
  if (count <= 3) return count
  if (count === 4 || count === 7 || count === 8) return 4
  if (count === 5 || count === 9 || count === 10) return 5
  return 6
}

export function planCards(sections: ReturnType<typeof splitSections>['sections'], region: Box): Grid {
  const n = sections.length
  const columns = gridColumns(n, 'cards')
  const gap = n === 2 ? 32 : n === 4 ? 20 : 24
  const width = n === 1 ? Math.min(640, region.w) : (region.w - gap * (columns - 1)) / columns
  const four = columns === 4
  const pad = four ? 20 : 24
  const body = four ? 18 : 20
  const paragraphs = (i: number, f: number): PlanParagraph[] => {
    const { heading, body: blocks } = sections[i]!
    const number: PlanParagraph = { runs: [{ text: String(i + 1).padStart(2, '0') }], size: 15, font: 'body', colour: SLOT.accent, bold: true, letterSpacing: 0.12, lineHeight: 1.4 }
    const title: PlanParagraph = { runs: planRuns(heading.runs, { heading: SLOT.heading, size: four ? 22 : 26 }), size: four ? 22 : 26, font: 'heading', colour: SLOT.heading, bold: true, lineHeight: 1.15, spaceBefore: 10 }
    const text = blocks.flatMap((b) => textParagraphs(b, { size: body, colour: SLOT.text, heading: SLOT.heading }))
    return scaleParagraphs([number, title, ...text.map((p, k) => (k === 0 ? { ...p, spaceBefore: 12 } : p))], f)
  }
  const rows = Math.ceil(n / columns)
  const rowHeight = (row: number, f: number): number =>
    Math.max(...sections.slice(row * columns, row * columns + columns).map((_, k) => textHeight(paragraphs(row * columns + k, f), width - 2 * pad) + 2 * pad + 5))
  const total = (f: number): number => Array.from({ length: rows }, (_, r) => rowHeight(r, f)).reduce((a, b) => a + b, 0) + gap * (rows - 1)
  const fit = fitFactor(total, region.h)
  const shapes: PlanShape[] = []
  let y = region.y
  for (let r = 0; r < rows; r++) {
    const h = rowHeight(r, fit.factor)
    for (let k = 0; k < columns && r * columns + k < n; k++) {
      const box = { x: region.x + k * (width + gap), y, w: width, h }
      shapes.push({ kind: 'rect', box, fill: SLOT.surface, radius: 8, name: `Card ${r * columns + k + 1}` })
      shapes.push({ kind: 'rect', box: { ...box, h: 5 }, fill: SLOT.accent, name: 'Card rule' })
      shapes.push({ kind: 'text', box: { x: box.x + pad, y: box.y + pad + 5, w: box.w - 2 * pad, h: box.h - 2 * pad - 5 }, paragraphs: paragraphs(r * columns + k, fit.factor), shrink: true })
    }
    y += h + gap
  }
  const used = new Set<ContentBlock>(sections.flatMap((s) => [s.heading, ...s.body]))
  return { shapes, used, bottom: y - gap, fits: fit.fits }
}

/** An event's date (its leading bold text) and the rest without the separator. */
function splitLabel(runs: readonly TextRun[]): { label: string; rest: TextRun[] } {
  const [head, ...tail] = runs
  if (!head?.bold) return { label: '', rest: [...runs] }
  const [next, ...more] = tail
  const trimmed = next ? [{ ...next, text: next.text.replace(/^\s*(?:—|–|-|:|\|)\s*/, '') }, ...more].filter((r) => r.text) : []
  return { label: head.text, rest: trimmed }
}

function eventSizes(n: number): { text: number; date: number } {
  if (n <= 3) return { text: 24, date: 32 }
  if (n <= 6) return { text: 20, date: 26 }
  if (n <= 8) return { text: 19, date: 26 }
  if (n <= 12) return { text: 17, date: 21 }
  return { text: 15, date: 18 }
}

export function planTimeline(list: Extract<ContentBlock, { kind: 'list' }>, region: Box): Grid {
  const events: ListEntry[][] = []
  for (const item of list.items) {
    if (item.level === 0 || events.length === 0) events.push([item])
    else events[events.length - 1]!.push(item)
  }
  const n = events.length
  const columns = gridColumns(n, 'timeline')
  const rows = Math.ceil(n / columns)
  const width = region.w / columns
  const sizes = eventSizes(n)
  const paragraphs = (i: number, f: number): PlanParagraph[] => {
    const [first, ...nested] = events[i]!
    const { label, rest } = splitLabel(first!.runs)
    const date: PlanParagraph[] = label ? [{ runs: [{ text: label }], size: sizes.date, font: 'heading', colour: SLOT.accent, bold: true, lineHeight: 1.1 }] : []
    const text = [rest, ...nested.map((e) => e.runs)].filter((r) => plainRuns(r).trim()).map((runs, k): PlanParagraph => ({
      runs: planRuns(runs, { heading: SLOT.heading, size: sizes.text }), size: sizes.text, font: 'body', colour: SLOT.text, lineHeight: 1.35, spaceBefore: k === 0 && label ? 8 : 4,
    }))
    return scaleParagraphs([...date, ...text], f)
  }
  const gapAbove = 30
  const rowHeight = (r: number, f: number): number =>
    gapAbove + Math.max(...events.slice(r * columns, r * columns + columns).map((_, k) => textHeight(paragraphs(r * columns + k, f), width - 24)))
  const rowGap = n > 12 ? 28 : 48
  const total = (f: number): number => Array.from({ length: rows }, (_, r) => rowHeight(r, f)).reduce((a, b) => a + b, 0) + rowGap * (rows - 1)
  const fit = fitFactor(total, region.h)
  const shapes: PlanShape[] = []
  // Centred in the region when there is room, as the HTML timeline is.
  let y = region.y + Math.max(12, (region.h - total(fit.factor)) / 2)
  for (let r = 0; r < rows; r++) {
    const h = rowHeight(r, fit.factor)
    const count = Math.min(columns, n - r * columns)
    shapes.push({ kind: 'line', box: { x: region.x, y, w: width * count - 24, h: 0 }, colour: SLOT.rule, width: 3 })
    for (let k = 0; k < count; k++) {
      const x = region.x + k * width
      shapes.push({ kind: 'ellipse', box: { x, y: y - 9.5, w: 19, h: 19 }, fill: SLOT.background, line: SLOT.accent, lineWidth: 4 })
      shapes.push({ kind: 'text', box: { x, y: y + gapAbove, w: width - 24, h: h - gapAbove }, paragraphs: paragraphs(r * columns + k, fit.factor), shrink: true, name: `Event ${r * columns + k + 1}` })
    }
    y += h + rowGap
  }
  return { shapes, used: new Set([list]), bottom: y - rowGap, fits: fit.fits }
}

