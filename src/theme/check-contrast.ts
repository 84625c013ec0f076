// Pure: WCAG 2 contrast of the colour pairs people read, and print-safe colour adjustment.
import { clampChroma, converter, formatHex, parse, wcagContrast, wcagLuminance } from 'culori'
import { warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import { classifyBackground } from './classify-background.js'
import { splitCssList } from './css-list.js'
import { diagramPalette } from './diagram-palette.js'
import type { Palette, SlideLook, ThemeKit } from './theme-kit.js'

/** WCAG AA: 4.5:1 for body text, 3:1 for large text (headings, title and section slides). */
export const AA_TEXT = 4.5
export const AA_LARGE = 3

export function contrastRatio(foreground: string, background: string): number {
  return wcagContrast(foreground, background)
}

export function isLightColor(value: string): boolean {
  return wcagLuminance(value) > 0.4
}

/** WCAG relative luminance of a CSS colour; undefined when it does not parse. */
export function luminanceOf(value: string): number | undefined {
  const color = parse(value)
  return color ? wcagLuminance(color) : undefined
}

const toOklch = converter('oklch')

/**
 * The colour itself when it reaches `min` against `background`, else the same hue made darker
 * (on light backgrounds) or lighter (on dark ones) until it does — keeps a brand's hue on paper.
 */
export function ensureContrast(value: string, background: string, min: number): string {
  if (contrastRatio(value, background) >= min) return value
  const start = toOklch(parse(value))
  if (!start) return isLightColor(background) ? '#000000' : '#ffffff'
  const darken = isLightColor(background)
  for (let step = 1; step <= 100; step++) {
    const l = darken ? start.l * (1 - step / 100) : start.l + (1 - start.l) * (step / 100)
    const candidate = formatHex(clampChroma({ ...start, l }, 'oklch'))
    if (candidate && contrastRatio(candidate, background) >= min) return candidate
  }
  return darken ? '#000000' : '#ffffff'
}

/** Colours inside a gradient (every stop), for checking text against each of them. */
export function gradientColors(value: string): string[] {
  const inner = value.slice(value.indexOf('(') + 1, value.lastIndexOf(')'))
  return splitCssList(inner).flatMap((part) => {
    const candidate = withoutStops(part.trim())
    return parse(candidate) ? [candidate] : []
  })
}


const STOP = /^-?[\d.]+(?:%|px|deg|turn|rad)?$/
const SECOND_STOP = /^-?[\d.]+(?:%|px)$/

/** A colour stop without its positions (`red 10% 40%` -> `red`). */
function withoutStops(part: string): string {
  const words = part.split(/\s+/)
  if (words.length >= 3 && SECOND_STOP.test(words.at(-1)!) && STOP.test(words.at(-2)!)) return words.slice(0, -2).join(' ')
  if (words.length >= 2 && STOP.test(words.at(-1)!)) return words.slice(0, -1).join(' ')
  return part
}

interface Pair {
  readonly label: string
  readonly fg: string
  readonly bg: string
  readonly min: number
  /** Key paths: the first one that a theme.yml set gives the span. */
  readonly keys: readonly string[]
}

/** Checks every readable pair on slides and in print; each failing pair becomes a `contrast-low` warning. */
export function checkContrast(kit: ThemeKit): Diagnostic[] {
  const pairs = [...palettePairs(kit.colors, 'colors', ''), ...slidePairs(kit.titleSlide, 'titleSlide', 'title slide'), ...slidePairs(kit.sectionSlide, 'sectionSlide', 'section slide')]
  const print = kit.print
  pairs.push(...palettePairs(print, 'print', 'print: '), ...slidePairs(print.titleSlide, 'print.titleSlide', 'print: title slide'), ...slidePairs(print.sectionSlide, 'print.sectionSlide', 'print: section slide'))
  return pairs.flatMap((pair) => {
    const ratio = contrastRatio(pair.fg, pair.bg)
    if (ratio >= pair.min) return []
    const message = `Low contrast: ${pair.label} (${pair.fg} on ${pair.bg}) is ${ratio.toFixed(2)}:1, WCAG AA asks for ${pair.min}:1`
    return [warning('contrast-low', message, spanFor(kit, pair.keys), 'Darken or lighten one of the two colours; https://webaim.org/resources/contrastchecker/ shows the ratio as you adjust.')]
  })
}

function palettePairs(p: Palette, at: string, label: string): Pair[] {
  const k = (key: string) => `${at}.${key}`
  return [
    { label: `${label}text on background`, fg: p.text, bg: p.background, min: AA_TEXT, keys: [k('text'), k('background')] },
    { label: `${label}heading on background`, fg: p.heading, bg: p.background, min: AA_LARGE, keys: [k('heading'), k('background')] },
    { label: `${label}link on background`, fg: p.link, bg: p.background, min: AA_TEXT, keys: [k('link'), k('background')] },
    { label: `${label}muted text on background`, fg: p.muted, bg: p.background, min: AA_TEXT, keys: [k('muted'), k('background')] },
    { label: `${label}accent text on accent`, fg: p.accentText, bg: p.accent, min: AA_TEXT, keys: [k('accentText'), k('accent')] },
    ...(['text', 'keyword', 'string', 'comment', 'number', 'title'] as const).map((token) => ({
      label: `${label}code ${token === 'text' ? 'text' : token} on code background`,
      fg: p.code[token],
      bg: p.code.background,
      min: AA_TEXT,
      keys: [k(`code.${token}`), k('code.background')],
    })),
    ...diagramPairs(p, k, label),
  ]
}

/** Diagrams: node text on its fill, lines on the background, text on each series colour. */
function diagramPairs(p: Palette, k: (key: string) => string, label: string): Pair[] {
  const diagram = diagramPalette(p)
  return [
    { label: `${label}diagram text on surface`, fg: p.text, bg: p.surface, min: AA_TEXT, keys: [k('surface'), k('text')] },
    { label: `${label}diagram lines on background`, fg: diagram.line, bg: p.background, min: AA_LARGE, keys: [k('rule'), k('background')] },
    ...diagram.series.map((colour, i) => ({ label: `${label}diagram text on diagram colour ${i + 1}`, fg: p.text, bg: colour, min: AA_TEXT, keys: [k('text'), k('background')] })),
  ]
}

function slidePairs(look: SlideLook, at: string, label: string): Pair[] {
  const kind = classifyBackground(look.background)
  const backgrounds = kind === 'color' ? [look.background] : kind === 'gradient' ? gradientColors(look.background) : []
  return backgrounds.map((bg) => ({ label: `${label} text on its background`, fg: look.text, bg, min: AA_LARGE, keys: [`${at}.text`, `${at}.background`] }))
}

function spanFor(kit: ThemeKit, keys: readonly string[]): SourceSpan {
  for (const key of keys) {
    const span = kit.spans[key]
    if (span) return span
  }
  return { file: kit.file, line: 1 }
}
