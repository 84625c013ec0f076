// Pure: how tall styled paragraphs are in a box of a given width, estimated from average
// glyph widths (no fonts are read). Used to stack shapes and to shrink text that would not fit.
import type { FontRole, PlanParagraph } from './slide-plan.js'

/** Average advance of a character, in ems, for the kinds of font a deck uses: on the wide side, as a substituted font may be. */
const CHAR_EM: Readonly<Record<FontRole, number>> = { heading: 0.6, body: 0.55, code: 0.61 }

export function bulletIndent(p: Pick<PlanParagraph, 'bullet' | 'size'>): number {
  return p.bullet ? (p.bullet.level + 1) * p.size * 1.25 : 0
}

/** Lines the paragraph wraps into at `width` design pixels (words kept whole). */
export function lineCount(p: PlanParagraph, width: number): number {
  const em = CHAR_EM[p.font] * (p.upper ? 1.18 : 1) + (p.letterSpacing ?? 0)
  const perLine = Math.max(4, Math.floor((width - bulletIndent(p)) / (p.size * em)))
  const text = p.runs.map((r) => r.text).join('')
  let lines = 0
  for (const hard of text.split('\n')) {
    if (p.font === 'code') {
      lines += 1 // code does not wrap
      continue
    }
    let used = 0
    lines++
    for (const word of hard.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length
      if (need <= perLine || used === 0) used = need
      else {
        lines++
        used = word.length
      }
    }
  }
  return lines
}

export function paragraphHeight(p: PlanParagraph, width: number): number {
  return (p.spaceBefore ?? 0) + lineCount(p, width) * p.size * (p.lineHeight ?? 1.3)
}

export function textHeight(paragraphs: readonly PlanParagraph[], width: number): number {
  return paragraphs.reduce((sum, p, i) => sum + paragraphHeight(i === 0 ? { ...p, spaceBefore: 0 } : p, width), 0)
}

/** The paragraphs with every size (and spacing) multiplied by `factor`. */
export function scaleParagraphs(paragraphs: readonly PlanParagraph[], factor: number): PlanParagraph[] {
  if (factor === 1) return [...paragraphs]
  return paragraphs.map((p) => ({
    ...p,
    size: round(p.size * factor),
    ...(p.spaceBefore !== undefined && { spaceBefore: round(p.spaceBefore * factor) }),
    runs: p.runs.map((r) => (r.size === undefined ? r : { ...r, size: round(r.size * factor) })),
  }))
}

const round = (n: number): number => Math.round(n * 10) / 10

/** The largest factor (down to `min`, in steps) at which the text fits `height`; `fits` false when even `min` does not. */
export function fitFactor(measure: (factor: number) => number, height: number, min = 0.6): { factor: number; fits: boolean } {
  for (let factor = 1; factor >= min - 1e-9; factor -= 0.05) {
    if (measure(factor) <= height) return { factor: round(factor * 100) / 100, fits: true }
  }
  return { factor: min, fits: false }
}
