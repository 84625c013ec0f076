// Pure: a code block as PowerPoint shapes: the panel, one monospaced paragraph per line in the
// highlighter's colours, bands behind the marked lines and the language label.
import type { CodeBlock } from '../../model.js'
import type { Palette } from '../../theme/theme-kit.js'
import { codeColour } from './code-colours.js'
import { hex, mix } from './design.js'
import type { Box, PlanParagraph, PlanShape } from './slide-plan.js'

const PAD_Y = 22
const PAD_X = 26
const LINE_HEIGHT = 1.5
/** Average advance of a monospaced glyph in ems. */
const MONO_EM = 0.6

/** The code's size on the built-in code layout, by its number of lines (deck.css's buckets). */
export function codeLayoutSize(code: CodeBlock): number {
  const lines = code.text.split('\n').length
  return lines > 21 ? 12 : lines > 16 ? 14.5 : lines > 12 ? 18 : 22
}

export function codeHeight(code: CodeBlock, size: number): number {
  return code.text.split('\n').length * size * LINE_HEIGHT + 2 * PAD_Y
}

/** The size at which the longest line fits `width` (no smaller than 60% of `size`). */
export function codeSizeForWidth(code: CodeBlock, size: number, width: number): number {
  const longest = Math.max(...code.text.split('\n').map((l) => l.replace(/\t/g, '    ').length), 1)
  const fit = (width - 2 * PAD_X) / (longest * MONO_EM)
  return Math.max(size * 0.6, Math.min(size, Math.floor(fit * 10) / 10))
}

export function planCode(code: CodeBlock, box: Box, size: number, colours: Palette): PlanShape[] {
  const palette = colours.code
  const marked = new Set(code.highlight ?? [])
  const lines = code.lines ?? code.text.split('\n').map((text) => (text ? [{ text, scopes: [] }] : []))
  const lineHeight = size * LINE_HEIGHT
  const bg = hex(palette.background) ?? 'F6F8FA'
  const shapes: PlanShape[] = [{ kind: 'rect', box, fill: bg, line: hex(colours.rule) ?? 'E5E7EB', radius: 10, name: 'Code panel' }]
  lines.forEach((_, i) => {
    if (!marked.has(i + 1)) return
    const band = { x: box.x, y: box.y + PAD_Y + i * lineHeight, w: box.w, h: lineHeight }
    if (band.y + band.h <= box.y + box.h) shapes.push({ kind: 'rect', box: band, fill: mix(colours.accent, bg, 0.22), name: `Marked line ${i + 1}` })
  })
  const paragraphs: PlanParagraph[] = lines.map((spans, i) => {
    const dim = marked.size > 0 && !marked.has(i + 1)
    const runs = spans.map((span) => {
      const look = codeColour(span, palette)
      const colour = hex(look.colour) ?? '24292F'
      return { text: span.text.replace(/\t/g, '    '), colour: dim ? mix(colour, bg, 0.42) : colour, ...(look.italic && { italic: true }), ...(look.bold && { bold: true }) }
    })
    return { runs: runs.length ? runs : [{ text: '' }], size, font: 'code', colour: hex(palette.text) ?? '24292F', lineHeight: LINE_HEIGHT }
  })
  shapes.push({ kind: 'text', box: { x: box.x + PAD_X, y: box.y + PAD_Y, w: box.w - 2 * PAD_X, h: box.h - 2 * PAD_Y }, paragraphs, name: 'Code' })
  if (code.lang) {
    const label = { runs: [{ text: code.lang }], size: 13, font: 'code' as const, colour: hex(palette.comment) ?? '5B6270', upper: true, letterSpacing: 0.08, align: 'right' as const }
    shapes.push({ kind: 'text', box: { x: box.x + box.w - 216, y: box.y + 10, w: 200, h: 20 }, paragraphs: [label], name: 'Code language' })
  }
  return shapes
}
