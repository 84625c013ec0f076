// Pure: the colours diagrams draw with, derived from a palette (slides or print) so that they
// read: lines reach 3:1 against the background (WCAG's ratio for graphics), and the series
// colours (pie slices, gantt sections, mindmap branches) are tints of the brand's colours
// light (or dark) enough for the palette's text to read on them at 4.5:1.
import { formatHex, interpolate } from 'culori'
import { AA_LARGE, AA_TEXT, contrastRatio, ensureContrast } from './check-contrast.js'
import type { Palette } from './theme-kit.js'

export interface DiagramPalette {
  readonly line: string
  readonly series: readonly string[]
}

export const DIAGRAM_SERIES = 6

export function diagramPalette(p: Palette): DiagramPalette {
  const line = ensureContrast(p.rule, p.background, AA_LARGE)
  const hues = [p.accent, p.link, p.heading, p.code.string, p.code.number, p.code.keyword]
  return { line, series: hues.slice(0, DIAGRAM_SERIES).map((hue) => tint(hue, p.background, p.text)) }
}

/** The hue mixed into the background, as strongly as the text still allows. */
function tint(hue: string, background: string, text: string): string {
  const mix = interpolate([background, hue], 'oklab')
  for (let share = 0.4; share > 0; share -= 0.02) {
    const candidate = formatHex(mix(share))
    if (contrastRatio(text, candidate) >= AA_TEXT) return candidate
  }
  return formatHex(mix(0.08))
}
