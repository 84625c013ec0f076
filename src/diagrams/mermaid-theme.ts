// Pure: Mermaid draws with the deck's theme through CSS custom properties, so one SVG follows
// the slides' palette on screen and the print palette on paper. Mermaid computes colours in
// JavaScript (it cannot take `var(--x)`), so every colour variable of its theme gets a
// stand-in colour of its own; in the SVG each stand-in becomes the variable of its role, and
// the few colours Mermaid writes itself become mixes of the deck's text and background.
import { formatHex, parse } from 'culori'

/** What a diagram's parts are drawn with, as CSS values. */
export const DIAGRAM_ROLES = {
  background: 'var(--dh-bg)',
  text: 'var(--dh-text)',
  heading: 'var(--dh-heading)',
  fill: 'var(--dh-surface)',
  stroke: 'var(--dh-accent)',
  line: 'var(--dh-diagram-line)',
  rule: 'var(--dh-rule)',
  muted: 'var(--dh-muted)',
  accent: 'var(--dh-accent)',
  accentText: 'var(--dh-accent-text)',
  link: 'var(--dh-link)',
  series1: 'var(--dh-diagram-1)',
  series2: 'var(--dh-diagram-2)',
  series3: 'var(--dh-diagram-3)',
  series4: 'var(--dh-diagram-4)',
  series5: 'var(--dh-diagram-5)',
  series6: 'var(--dh-diagram-6)',
} as const

export type DiagramRole = keyof typeof DIAGRAM_ROLES
const SERIES: readonly DiagramRole[] = ['series1', 'series2', 'series3', 'series4', 'series5', 'series6']

const EXPLICIT: Readonly<Record<string, DiagramRole>> = {
  background: 'background', edgeLabelBackground: 'background', clusterBkg: 'background', compositeBackground: 'background',
  tertiaryColor: 'background', altSectionBkgColor: 'background', rowOdd: 'background', attributeBackgroundColorOdd: 'background',
  labelBackgroundColor: 'background', relationLabelBackground: 'background', pieStrokeColor: 'background', sequenceNumberColor: 'background',
  primaryColor: 'fill', secondaryColor: 'fill', mainBkg: 'fill', nodeBkg: 'fill', actorBkg: 'fill', stateBkg: 'fill', labelBoxBkgColor: 'fill',
  noteBkgColor: 'fill', activationBkgColor: 'fill', sectionBkgColor: 'fill', sectionBkgColor2: 'fill', excludeBkgColor: 'fill', rowEven: 'fill',
  attributeBackgroundColorEven: 'fill', altBackground: 'fill', compositeTitleBackground: 'fill', personBkg: 'fill', requirementBackground: 'fill', rectBkgColor: 'fill',
  primaryBorderColor: 'stroke', nodeBorder: 'stroke', actorBorder: 'stroke', labelBoxBorderColor: 'stroke', personBorder: 'stroke',
  compositeBorder: 'stroke', activationBorderColor: 'stroke', requirementBorderColor: 'stroke', taskBorderColor: 'stroke', critBorderColor: 'stroke',
  secondaryBorderColor: 'rule', tertiaryBorderColor: 'rule', border2: 'rule', clusterBorder: 'rule', noteBorderColor: 'rule', gridColor: 'rule',
  pieOuterStrokeColor: 'rule', doneTaskBorderColor: 'muted', vertLineColor: 'muted',
  lineColor: 'line', arrowheadColor: 'line', defaultLinkColor: 'line', signalColor: 'line', actorLineColor: 'line', transitionColor: 'line',
  specialStateColor: 'line', innerEndBackground: 'line', relationColor: 'line',
  titleColor: 'heading', pieTitleTextColor: 'heading',
  taskBkgColor: 'accent', todayLineColor: 'accent', activeTaskBorderColor: 'accent',
  taskTextColor: 'accentText', taskTextLightColor: 'accentText', taskTextClickableColor: 'link',
  activeTaskBkgColor: 'series2', critBkgColor: 'series3', doneTaskBkgColor: 'rule',
}

/** The role of one of Mermaid's colour variables: listed, a numbered series, or guessed from the name. */
export function roleOf(name: string): DiagramRole {
  const listed = EXPLICIT[name]
  if (listed) return listed
  const series = /^(?:pie|cScale|fillType|git|venn|quadrant)(\d+)(?:Fill)?$/.exec(name)
  if (series) return SERIES[(Number(series[1]) + (name.startsWith('pie') || name.startsWith('venn') || name.startsWith('quadrant') ? -1 : 0)) % SERIES.length]!
  if (/Peer\d+$/.test(name)) return 'stroke'
  if (/text|label|title|inv\d/i.test(name)) return 'text'
  if (/border|stroke/i.test(name)) return 'stroke'
  if (/line|arrow|edge|relation/i.test(name)) return 'line'
  if (/bkg|background|fill|surface/i.test(name)) return 'fill'
  return 'line'
}

export interface MermaidPalette {
  /** Mermaid's `themeVariables`: a stand-in colour for each colour variable. */
  readonly variables: Readonly<Record<string, string>>
  /** Stand-in colour (lower-case hex) -> its role. */
  readonly roles: ReadonlyMap<string, DiagramRole>
}

/** One stand-in per variable, all distinct (blue channel 7f, red and green counting up). */
export function mermaidPalette(colourVariables: readonly string[]): MermaidPalette {
  const variables: Record<string, string> = {}
  const roles = new Map<string, DiagramRole>()
  colourVariables.forEach((name, i) => {
    // Distinct hex values with the red channel 1..255 and fixed green/blue bits per block.
    const hex = `#${(((i % 250) + 1) << 16 | (Math.floor(i / 250) + 1) << 8 | 0x7f).toString(16).padStart(6, '0')}`
    variables[name] = hex
    roles.set(hex, roleOf(name))
  })
  return { variables, roles }
}

const COLOUR_PROPS = /^(?:fill|stroke|color|background|background-color|stop-color|flood-color|border|border-color|border-top|border-bottom|border-left|border-right|outline|outline-color|lighting-color)$/i
const COLOUR_LITERAL = /#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b[a-zA-Z]+\b/g

/**
 * Rewrites the SVG's colours as the deck's CSS variables, its fonts as the body font, and drops
 * filters (drop shadows are rasterised per page in PDFs). `keep` holds colours the author wrote
 * in the diagram (`style A fill:#f9f`), which stay as written.
 */
export function themeSvg(svg: string, palette: MermaidPalette, keep: ReadonlySet<string>): string {
  const colour = (literal: string): string => recolour(literal, palette, keep)
  // Each run between `;`, `{` and `}` that reads `property: value` (split by hand: a pattern for
  // the whole declaration would rescan long runs of letters without a colon).
  const declarations = (css: string): string =>
    css.replace(/[^;{}]+/g, (decl) => {
      const colon = decl.indexOf(':')
      const head = colon < 0 ? '' : decl.slice(0, colon)
      const prop = head.trim()
      if (!/^[a-zA-Z-]+$/.test(prop)) return decl
      const lead = head.slice(0, head.length - head.trimStart().length)
      const value = decl.slice(colon + 1).trimStart()
      if (/^font-family$/i.test(prop)) return `${lead}${prop}:var(--dh-font-body)`
      if (/^filter$/i.test(prop)) return `${lead}${prop}:none`
      return COLOUR_PROPS.test(prop) ? `${lead}${prop}:${value.replace(COLOUR_LITERAL, colour)}` : decl
    })
  return svg
    .replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => open + declarations(css) + close)
    .replace(/\s(fill|stroke|stop-color|flood-color|color)="([^"]*)"/g, (_, attr: string, value: string) => ` ${attr}="${value.replace(COLOUR_LITERAL, colour)}"`)
    .replace(/\sstyle="([^"]*)"/g, (_, css: string) => ` style="${declarations(css)}"`)
    .replace(/\sfilter="[^"]*"/g, '')
}

function recolour(literal: string, palette: MermaidPalette, keep: ReadonlySet<string>): string {
  const parsed = parse(literal)
  if (!parsed || keep.has(literal.toLowerCase())) return literal
  const alpha = parsed.alpha ?? 1
  if (alpha === 0) return literal
  const hex = formatHex(parsed)
  const role = palette.roles.get(hex)
  const base = role ? DIAGRAM_ROLES[role] : mixFor(hex)
  return alpha < 1 ? `color-mix(in srgb, ${base} ${Math.round(alpha * 100)}%, transparent)` : base
}

/** A colour Mermaid wrote itself: a grey becomes text mixed into background by its darkness; a hue, the accent. */
function mixFor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number]
  const lightness = (Math.max(r, g, b) + Math.min(r, g, b)) / 2
  const neutral = Math.max(r, g, b) - Math.min(r, g, b) < 0.08
  const share = Math.round((1 - lightness) * 100)
  if (neutral) return share >= 98 ? DIAGRAM_ROLES.text : share <= 2 ? DIAGRAM_ROLES.background : `color-mix(in srgb, var(--dh-text) ${share}%, var(--dh-bg))`
  return `color-mix(in srgb, var(--dh-accent) ${Math.max(share, 20)}%, var(--dh-bg))`
}

/** Colour literals written in a diagram's source (`style`, `classDef`, `linkStyle`), kept as written. */
export function authorColours(source: string): Set<string> {
  const found = new Set<string>()
  for (const line of source.split('\n')) {
    if (!/^\s*(?:style|classDef|linkStyle|class)\b|:::|fill:|stroke:|color:/.test(line)) continue
    for (const m of line.matchAll(/#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)/g)) found.add(m[0].toLowerCase())
  }
  return found
}
