import type { HandoutLayout, Paper } from '../model.js'

const PX_PER_MM = 96 / 25.4

/** Paper sizes in millimetres, portrait. */
const PAPER_MM: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
}

/** Page margins in millimetres; the header and footer live in the top and bottom ones. */
export const MARGIN_MM = { top: 17, bottom: 17, side: 16 } as const

export interface FrameSize {
  /** Width and height of the scaled slide on paper, in CSS px. */
  readonly width: number
  readonly height: number
  readonly scale: number
}

export interface HandoutGeometry {
  readonly paper: Paper
  /** The page's content box (inside the margins), in CSS px. */
  readonly contentWidth: number
  readonly contentHeight: number
  readonly frame: FrameSize
  /** Slides on one sheet (0 for flowing layouts). */
  readonly perSheet: number
  /** Ruled lines beside each slide, and under it across the page (2-up, 3-up). */
  readonly lines: number
  readonly linesBelow: number
  /** Height of one slot (one slide with its lines or caption), in CSS px. */
  readonly slotHeight: number
}

const GAP = 6 * PX_PER_MM
const CAPTION = 20
const LINE_PITCH = 8.5 * PX_PER_MM

/** A handout page's content box (inside the margins) in CSS px: the width print layout uses. */
export function paperContentBox(paper: Paper): { readonly width: number; readonly height: number } {
  const mm = PAPER_MM[paper]
  return {
    width: Math.floor((mm.width - 2 * MARGIN_MM.side) * PX_PER_MM),
    // A hair less than the true box: a sheet exactly as tall as the page can spill a blank page.
    height: Math.floor((mm.height - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM) - 4,
  }
}

/** Where things go on a handout page, from the paper and the slide size. */
export function handoutGeometry(layout: HandoutLayout, paper: Paper, slideWidth: number, slideHeight: number): HandoutGeometry {
  const { width: contentWidth, height: contentHeight } = paperContentBox(paper)
  const fit = (maxWidth: number, maxHeight: number): FrameSize => {
    const scale = Math.min(maxWidth / slideWidth, maxHeight / slideHeight)
    return { width: round(slideWidth * scale), height: round(slideHeight * scale), scale: round(scale, 5) }
  }
  const rowsOf = (rows: number): number => (contentHeight - (rows - 1) * GAP) / rows
  switch (layout) {
    case '2-up':
    case '3-up': {
      const rows = layout === '2-up' ? 2 : 3
      const slotHeight = rowsOf(rows)
      const frame = fit(contentWidth * (layout === '2-up' ? 0.58 : 0.5), slotHeight - CAPTION)
      // 2-up has room under the slide too: lines beside it, then across the page beneath it.
      const below = layout === '2-up' ? Math.floor((slotHeight - frame.height - CAPTION - 8) / LINE_PITCH) : 0
      const beside = Math.floor((slotHeight - 8 - below * LINE_PITCH) / LINE_PITCH)
      return { paper, contentWidth, contentHeight, frame, perSheet: rows, lines: beside, linesBelow: below, slotHeight: round(slotHeight) }
    }
    case '6-up': {
      const slotHeight = rowsOf(3)
      const frame = fit((contentWidth - GAP) / 2, slotHeight - CAPTION - 8)
      return { paper, contentWidth, contentHeight, frame, perSheet: 6, lines: 0, linesBelow: 0, slotHeight: round(slotHeight) }
    }
    case 'notes':
      return { paper, contentWidth, contentHeight, frame: fit(contentWidth * 0.78, contentHeight * 0.42), perSheet: 0, lines: 0, linesBelow: 0, slotHeight: 0 }
    case 'outline':
      return { paper, contentWidth, contentHeight, frame: fit(contentWidth * 0.4, contentHeight * 0.2), perSheet: 0, lines: 0, linesBelow: 0, slotHeight: 0 }
  }
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
