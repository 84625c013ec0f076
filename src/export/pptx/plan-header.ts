// Pure: the heading block every built-in content layout opens with: the chapter kicker, the
// title (in the title placeholder, so PowerPoint's outline and slide titles work) and the
// accent rule under it. Returns where the content below may start.
import type { ChapterRef } from '../../model.js'
import { DESIGN_WIDTH, SIZE, SLOT } from './design.js'
import { lineCount, scaleParagraphs } from './measure-text.js'
import type { Colour, PlanParagraph, PlanShape } from './slide-plan.js'

export const CONTENT_WIDTH = DESIGN_WIDTH - 2 * SIZE.marginX

export function kickerParagraph(text: string, colour: Colour = SLOT.accent): PlanParagraph {
  return { runs: [{ text }], size: SIZE.kicker, font: 'body', colour, bold: true, upper: true, letterSpacing: 0.14, lineHeight: 1.45 }
}

export function chapterKicker(chapter: ChapterRef): string {
  // As on the slide: a chapter without a title shows its number only (never its file's path).
  const number = String(chapter.number).padStart(2, '0')
  return chapter.title ? `${number} — ${chapter.title}` : number
}

/** A title paragraph scaled down (to 70%) until it takes at most `maxLines` lines of `width`. */
export function titleParagraph(text: string, size: number, width: number, colour: Colour, maxLines = 2): PlanParagraph {
  const base: PlanParagraph = { runs: [{ text }], size, font: 'heading', colour, bold: true, lineHeight: 1.12, align: 'left' }
  for (let f = 1; f > 0.7; f -= 0.05) {
    const p = scaleParagraphs([base], f)[0]!
    if (lineCount(p, width) <= maxLines) return p
  }
  return scaleParagraphs([base], 0.7)[0]!
}

export function planHeader(title: string, chapter: ChapterRef | null, x = SIZE.marginX, width = CONTENT_WIDTH): { shapes: PlanShape[]; bottom: number } {
  const shapes: PlanShape[] = []
  let y = SIZE.marginTop
  if (chapter) {
    const kicker = kickerParagraph(chapterKicker(chapter))
    shapes.push({ kind: 'text', box: { x, y, w: width, h: 22 }, paragraphs: [kicker], name: 'Chapter' })
    y += 22 + 12
  }
  if (!title) return { shapes, bottom: y }
  const p = titleParagraph(title, SIZE.title, width, SLOT.heading)
  const h = lineCount(p, width) * p.size * 1.12 + 6
  shapes.push({ kind: 'text', box: { x, y, w: width, h }, paragraphs: [p], placeholder: 'title', valign: 'top', shrink: true })
  y += h + SIZE.headRule.gap - 6
  shapes.push({ kind: 'rect', box: { x, y, w: SIZE.headRule.w, h: SIZE.headRule.h }, fill: SLOT.accent, name: 'Accent rule' })
  return { shapes, bottom: y + SIZE.headRule.h + SIZE.headRule.after }
}
