// Pure: the deck's look in PowerPoint terms: the sizes the built-in layouts use (deck.css, in
// design pixels of the 1280x720 frame) and which theme slot holds each colour of the kit.
import type { Colour } from './slide-plan.js'

export const DESIGN_WIDTH = 1280
export const DESIGN_HEIGHT = 720

/** Theme slots: the kit's colours live in the PowerPoint theme, and shapes refer to them. */
export const SLOT = {
  text: 'tx1',
  heading: 'tx2',
  background: 'bg1',
  surface: 'bg2',
  accent: 'accent1',
  muted: 'accent2',
  rule: 'accent3',
} as const satisfies Record<string, Colour>

/** Sizes from deck.css, in design pixels. */
export const SIZE = {
  marginX: 72,
  marginTop: 56,
  marginBottom: 64,
  kicker: 15,
  title: 46,
  lead: 30,
  body: 28,
  h3: 30,
  h4: 26,
  footer: 14,
  headRule: { w: 64, h: 4, gap: 18, after: 30 },
} as const

/** `#rrggbb` (or `#rgb`) without the hash, upper case; anything else: undefined. */
export function hex(colour: string): string | undefined {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim())
  if (!m) return undefined
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  return h.toUpperCase()
}

/** `a` mixed into `b` at `share` of `a` (what CSS color-mix and an opacity over a background give). */
export function mix(a: string, b: string, share: number): string {
  const [x, y] = [hex(a) ?? '000000', hex(b) ?? 'FFFFFF']
  const channel = (i: number): string => {
    const v = Math.round(Number.parseInt(x.slice(i, i + 2), 16) * share + Number.parseInt(y.slice(i, i + 2), 16) * (1 - share))
    return v.toString(16).padStart(2, '0')
  }
  return (channel(0) + channel(2) + channel(4)).toUpperCase()
}

/** The colours a CSS background names, in order (a gradient's stops; one for a plain colour). */
export function backgroundColours(value: string): string[] {
  return [...value.matchAll(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi)].map((m) => hex(m[0])!)
}
