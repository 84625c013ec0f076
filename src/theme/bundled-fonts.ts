// Fonts deckhand ships through @fontsource packages, by the name a theme.yml uses.

export interface BundledFont {
  readonly pkg: string
  readonly generic: 'sans-serif' | 'serif' | 'monospace'
}

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
}

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

/** Colour emoji come from the system (Debian: fonts-noto-color-emoji); see BUNDLED_FONTS. */
export const SYSTEM_EMOJI_FONTS = ['Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'] as const
