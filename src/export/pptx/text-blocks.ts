// Pure: slide blocks that are text (paragraphs, lists, headings, quotes) -> styled paragraphs,
// with Markdown's marks kept as runs: bold, italic, code, links, inline formulas.
import type { ContentBlock, FormulaRun, TextRun } from '../../model.js'
import { SIZE, SLOT } from './design.js'
import type { Colour, PlanParagraph, PlanRun } from './slide-plan.js'

export interface TextStyle {
  /** Body text size in design pixels. */
  readonly size: number
  readonly colour: Colour
  readonly heading: Colour
}

export const BODY_STYLE: TextStyle = { size: SIZE.body, colour: SLOT.text, heading: SLOT.heading }

/**
 * Markdown runs as plan runs: bold text takes the heading colour and code the code font, as on
 * the HTML slides. An inline formula is editable text with its scripts raised and lowered,
 * where it has a linear form; else its TeX, as code.
 */
export function planRuns(runs: readonly TextRun[], style: Pick<TextStyle, 'heading'> & { size: number }): PlanRun[] {
  return runs.flatMap((r): PlanRun | PlanRun[] => (r.formula ? formulaPlanRuns(r, r.formula, style) : {
    text: r.text,
    ...(r.bold && { bold: true, colour: style.heading }),
    ...(r.italic && { italic: true }),
    ...(r.strike && { strike: true }),
    ...(r.code && { code: true, font: 'code' as const, size: Math.round(style.size * 0.86 * 10) / 10, colour: style.heading }),
    ...(r.href && { href: r.href }),
  }))
}

function formulaPlanRuns(r: TextRun, formula: readonly FormulaRun[], style: Pick<TextStyle, 'heading'>): PlanRun[] {
  return formula.map((f) => ({
    text: f.text,
    ...((f.italic || r.italic) && { italic: true }),
    ...((f.bold || r.bold) && { bold: true }),
    ...(r.bold && { colour: style.heading }),
    ...(f.script && { script: f.script }),
    ...(r.href && { href: r.href }),
  }))
}

/** True for the blocks this module lays out as text. */
export function isTextBlock(block: ContentBlock): boolean {
  return block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'heading' || block.kind === 'quote' || block.kind === 'html'
}

/** Paragraphs of a text block (empty for other kinds). */
export function textParagraphs(block: ContentBlock, style: TextStyle = BODY_STYLE): PlanParagraph[] {
  const gap = style.size * 0.6
  const para = (runs: readonly TextRun[], extra: Partial<PlanParagraph> = {}): PlanParagraph => {
    const size = extra.size ?? style.size
    return { runs: planRuns(runs, { heading: style.heading, size }), size, font: 'body', colour: style.colour, spaceBefore: gap, lineHeight: 1.35, ...extra }
  }
  switch (block.kind) {
    case 'paragraph':
      return [para(block.runs)]
    case 'html':
      return block.text ? [para([{ text: block.text }])] : []
    case 'heading': {
      const size = Math.round(style.size * (block.depth <= 3 ? SIZE.h3 : SIZE.h4) / SIZE.body)
      return [para(block.runs, { size, font: 'heading', colour: style.heading, bold: true, lineHeight: 1.15, spaceBefore: size * 0.5 })]
    }
    case 'list': {
      const starts: number[] = []
      return block.items.map((item, i) => {
        // A nested list starts its own count; an item back at a level continues that level's.
        if (i === 0 || block.items[i - 1]!.level < item.level) starts[item.level] = item.number
        const size = Math.round(style.size * Math.pow(0.86, Math.min(item.level, 2)) * 10) / 10
        const bullet = { type: item.ordered ? ('number' as const) : ('bullet' as const), level: item.level, start: starts[item.level] ?? item.number }
        return para(item.runs, { size, bullet, spaceBefore: style.size * 0.34 })
      })
    }
    case 'quote': {
      const body = block.blocks.flatMap((b) => textParagraphs(b, style)).map((p) => ({ ...p, italic: true }))
      const cite = block.cite ? [para([{ text: `— ${block.cite}` }], { colour: SLOT.muted, size: style.size * 0.8 })] : []
      return [...body, ...cite]
    }
    default:
      return []
  }
}
