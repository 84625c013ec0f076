// Fonts deckhand ships through @fontsource packages, by the name a theme.yml uses.

export interface BundledFont {
  /** The @fontsource package's name after `@fontsource/`, or a whole npm name with `file`. */
  readonly pkg: string
  readonly generic: 'sans-serif' | 'serif' | 'monospace'
  /** A package that is one font file, not Fontsource's subsets: the file and the characters it is used for. */
  readonly single?: { readonly file: string; readonly unicodeRange: string }
}

// Emoji and the pictographs, flags and joiners of their sequences (Twemoji has no unicode-range of its own).
const EMOJI_RANGE = 'U+200D,U+203C,U+2049,U+20E3,U+2139,U+2194-21AA,U+231A-23FF,U+24C2,U+25AA-27BF,U+2934-2935,U+2B05-2B55,U+3030,U+303D,U+3297,U+3299,U+FE0F,U+1F000-1FAFF,U+E0020-E007F'

export const BUNDLED_FONTS: Readonly<Record<string, BundledFont>> = {
  Inter: { pkg: 'inter', generic: 'sans-serif' },
  'Source Serif 4': { pkg: 'source-serif-4', generic: 'serif' },
  'JetBrains Mono': { pkg: 'jetbrains-mono', generic: 'monospace' },
  'Atkinson Hyperlegible': { pkg: 'atkinson-hyperlegible', generic: 'sans-serif' },
  'IBM Plex Sans': { pkg: 'ibm-plex-sans', generic: 'sans-serif' },
  'IBM Plex Mono': { pkg: 'ibm-plex-mono', generic: 'monospace' },
  Fraunces: { pkg: 'fraunces', generic: 'serif' },
  'Noto Sans SC': { pkg: 'noto-sans-sc', generic: 'sans-serif' },
  'Noto Sans JP': { pkg: 'noto-sans-jp', generic: 'sans-serif' },
  'Noto Sans KR': { pkg: 'noto-sans-kr', generic: 'sans-serif' },
  'Noto Sans Arabic': { pkg: 'noto-sans-arabic', generic: 'sans-serif' },
  'Noto Sans Hebrew': { pkg: 'noto-sans-hebrew', generic: 'sans-serif' },
  // Not @fontsource/noto-color-emoji: its files carry only an OpenType-SVG table, which Chromium
  // does not draw (https://github.com/fontsource/fontsource/issues/588) — emoji would print blank.
  // Twemoji's COLR build is drawn in colour; Noto Emoji is monochrome, for emoji Twemoji lacks.
  Twemoji: { pkg: 'twemoji-colr-font', generic: 'sans-serif', single: { file: 'twemoji.woff2', unicodeRange: EMOJI_RANGE } },
  'Noto Emoji': { pkg: 'noto-emoji', generic: 'sans-serif' },
  'Noto Sans Symbols 2': { pkg: 'noto-sans-symbols-2', generic: 'sans-serif' },
}

/**
 * Fonts after every theme font and script fallback, for what an embedded browser (no system
 * fonts) would otherwise print as boxes: emoji in colour, then in black, then symbols.
 */
export const PRINT_FALLBACKS: readonly string[] = ['Twemoji', 'Noto Emoji', 'Noto Sans Symbols 2']

/** Case-insensitive lookup, so `inter` and `jetbrains mono` work too; returns the canonical name. */
export function findBundledFont(name: string): string | undefined {
  const wanted = name.trim().toLowerCase()
  return Object.keys(BUNDLED_FONTS).find((n) => n.toLowerCase() === wanted)
}

export interface FaceWanted {
  readonly weight: number
  readonly style: 'normal' | 'italic'
}

/** Weights and styles each role needs; missing ones fall back to the nearest the family has. */
export const ROLE_FACES: Readonly<Record<'body' | 'heading' | 'code' | 'fallback', readonly FaceWanted[]>> = {
  body: [
    { weight: 400, style: 'normal' },
    { weight: 400, style: 'italic' },
    { weight: 600, style: 'normal' },
    { weight: 700, style: 'normal' },
    { weight: 700, style: 'italic' },
  ],
  heading: [
    { weight: 600, style: 'normal' },
    { weight: 700, style: 'normal' },
  ],
  code: [
    { weight: 400, style: 'normal' },
    { weight: 700, style: 'normal' },
  ],
  fallback: [
    { weight: 400, style: 'normal' },
    { weight: 700, style: 'normal' },
  ],
}

/** Colour emoji fonts of the systems; where one is installed it wins over the bundled Twemoji. */
export const SYSTEM_EMOJI_FONTS = ['Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'] as const
