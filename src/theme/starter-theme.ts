// Pure: the theme.yml that `deckhand theme new` writes — every option present, each explained.
// Standalone, the palette and fonts are live values to edit; with a base theme everything is
// commented out, showing the base's values, so the new theme changes only what its author uncomments.
import type { Palette, SlideLook } from './theme-kit.js'

/** The values a starter shows: the base theme's own (so uncommenting a line changes nothing until edited). */
export interface StarterValues {
  readonly colors: Palette
  readonly fonts: { readonly heading: string; readonly body: string; readonly code: string }
  readonly titleSlide: SlideLook
  readonly sectionSlide: SlideLook
}

/** daylight's values, shown when the starter stands alone. */
export const DAYLIGHT_VALUES: StarterValues = {
  colors: {
    background: '#fbfaf7', text: '#1f2328', heading: '#14213d', accent: '#c2410c', accentText: '#ffffff', link: '#1d4ed8', muted: '#5c6370', rule: '#e4dfd5', surface: '#f2eee6',
    code: { background: '#f3f0e9', text: '#24292f', keyword: '#a3271a', string: '#0b6b4f', comment: '#646a73', number: '#7a3fc4', title: '#1d4ed8' },
  },
  fonts: { heading: 'Fraunces', body: 'Inter', code: 'JetBrains Mono' },
  titleSlide: { background: 'linear-gradient(135deg, #14213d 0%, #22345e 100%)', text: '#fbfaf7' },
  sectionSlide: { background: '#f2eee6', text: '#14213d' },
}

// Lines starting with `!` are live in a standalone theme; `#` lines are always comments.
const options = (v: StarterValues): string => `# Colours: any CSS colour (#rrggbb, rgb(), hsl(), oklch(), names). Pairs people read are
# checked against WCAG AA (4.5:1 for text, 3:1 for headings) when the deck builds.
!colors:
!  background: "${v.colors.background}"   # slide background
!  text: "${v.colors.text}"         # body text
!  heading: "${v.colors.heading}"      # slide titles
!  accent: "${v.colors.accent}"       # rules, bullets, highlights
!  accentText: "${v.colors.accentText}"   # text on accent-coloured shapes
!  link: "${v.colors.link}"
!  muted: "${v.colors.muted}"        # captions, footer, slide numbers
!  rule: "${v.colors.rule}"         # thin lines and borders
!  surface: "${v.colors.surface}"      # cards and panels
!  code:
!    background: "${v.colors.code.background}"
!    text: "${v.colors.code.text}"
!    keyword: "${v.colors.code.keyword}"
!    string: "${v.colors.code.string}"
!    comment: "${v.colors.code.comment}"
!    number: "${v.colors.code.number}"
!    title: "${v.colors.code.title}"      # function and class names

# Fonts: a bundled name (Inter, Source Serif 4, JetBrains Mono, Atkinson Hyperlegible,
# IBM Plex Sans, IBM Plex Mono, Fraunces, Noto Sans SC/JP/KR/Arabic/Hebrew), or your own
# files in this folder:  { family: "Brand Sans", files: [ { file: fonts/Brand-Regular.woff2, weight: 400 },
#                          { file: fonts/Brand-Bold.woff2, weight: 700 } ] }
!fonts:
!  heading: ${v.fonts.heading}
!  body: ${v.fonts.body}
!  code: ${v.fonts.code}
#   fallback:               # used only when the deck has text in that script
#     chinese: Noto Sans SC
#     japanese: Noto Sans JP
#     korean: Noto Sans KR
#     arabic: Noto Sans Arabic
#     hebrew: Noto Sans Hebrew
#     emoji: { system: [Apple Color Emoji, Segoe UI Emoji, Noto Color Emoji] }

# Logo on every slide and handout page (SVG or PNG in this folder).
# logo:
#   file: logo.svg
#   position: top-right     # top-left | top-right | bottom-left | bottom-right
#   alt: Our company
#   height: 44              # CSS pixels on a 1280x720 slide

# footer: Our company · Internal

# Slide size in CSS pixels (16:9 by default).
# size:
#   width: 1280
#   height: 720

# Title and section slides: background is a colour, a CSS gradient or an image in this folder.
# titleSlide:
#   background: "${v.titleSlide.background}"   # a colour, a gradient, or title.jpg
#   text: "${v.titleSlide.text}"
# sectionSlide:
#   background: "${v.sectionSlide.background}"
#   text: "${v.sectionSlide.text}"

# Handouts print on white paper with the slide colours darkened as needed to read on it.
# Override any colour for print here (same keys as colors, plus titleSlide and sectionSlide).
# print:
#   background: "#ffffff"
#   text: "#1a1a1a"
#   accent: "${v.colors.accent}"

# More CSS on top of all this: put a theme.css next to this file (print.css for handouts only).
# Use the --dh-* variables (see the README, "Themes") and relative url()s; nothing from the network.
`

/** The starter theme.yml for `deckhand theme new NAME [--extends BASE]`; `values` are the base's. */
export function starterThemeYaml(name: string, base?: string, values: StarterValues = DAYLIGHT_VALUES): string {
  const head = [
    `# ${name} — a deckhand theme (brand kit). Everything below is optional.`,
    base ? `# It extends "${base}": uncomment only what should differ.` : '# Edit the values below; delete what you do not need.',
    `name: ${name}`,
    ...(base ? [`extends: ${base}`] : []),
    '',
  ]
  const body = options(values).split('\n').map((line) => (line.startsWith('!') ? (base ? `# ${line.slice(1)}` : line.slice(1)) : line))
  return [...head, ...body].join('\n')
}
