// Pure: the theme.yml that `deckhand theme new` writes — every option present, each explained.
// Standalone, the palette and fonts are live values to edit; with a base theme everything is
// commented out, so the new theme changes only what its author uncomments.

// Lines starting with `!` are live in a standalone theme; `#` lines are always comments.
const OPTIONS = `# Colours: any CSS colour (#rrggbb, rgb(), hsl(), oklch(), names). Pairs people read are
# checked against WCAG AA (4.5:1 for text, 3:1 for headings) when the deck builds.
!colors:
!  background: "#fbfaf7"   # slide background
!  text: "#1f2328"         # body text
!  heading: "#14213d"      # slide titles
!  accent: "#c2410c"       # rules, bullets, highlights
!  accentText: "#ffffff"   # text on accent-coloured shapes
!  link: "#1d4ed8"
!  muted: "#5c6370"        # captions, footer, slide numbers
!  rule: "#e4dfd5"         # thin lines and borders
!  surface: "#f2eee6"      # cards and panels
!  code:
!    background: "#f3f0e9"
!    text: "#24292f"
!    keyword: "#a3271a"
!    string: "#0b6b4f"
!    comment: "#646a73"
!    number: "#7a3fc4"
!    title: "#1d4ed8"      # function and class names

# Fonts: a bundled name (Inter, Source Serif 4, JetBrains Mono, Atkinson Hyperlegible,
# IBM Plex Sans, IBM Plex Mono, Fraunces, Noto Sans SC/JP/KR/Arabic/Hebrew), or your own
# files in this folder:  { family: "Brand Sans", files: [ { file: fonts/Brand-Regular.woff2, weight: 400 },
#                          { file: fonts/Brand-Bold.woff2, weight: 700 } ] }
!fonts:
!  heading: Fraunces
!  body: Inter
!  code: JetBrains Mono
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
#   background: "linear-gradient(135deg, #14213d 0%, #22345e 100%)"   # or "#14213d", or title.jpg
#   text: "#fbfaf7"
# sectionSlide:
#   background: "#f2eee6"
#   text: "#14213d"

# Handouts print on white paper with the slide colours darkened as needed to read on it.
# Override any colour for print here (same keys as colors, plus titleSlide and sectionSlide).
# print:
#   background: "#ffffff"
#   text: "#1a1a1a"
#   accent: "#c2410c"

# More CSS on top of all this: put a theme.css next to this file (print.css for handouts only).
# Use the --dh-* variables (see the README, "Themes") and relative url()s; nothing from the network.
`

/** The starter theme.yml for `deckhand theme new NAME [--extends BASE]`. */
export function starterThemeYaml(name: string, base?: string): string {
  const head = [
    `# ${name} — a deckhand theme (brand kit). Everything below is optional.`,
    base ? `# It extends "${base}": uncomment only what should differ.` : '# Edit the values below; delete what you do not need.',
    `name: ${name}`,
    ...(base ? [`extends: ${base}`] : []),
    '',
  ]
  const body = OPTIONS.split('\n').map((line) => (line.startsWith('!') ? (base ? `# ${line.slice(1)}` : line.slice(1)) : line))
  return [...head, ...body].join('\n')
}
