// Values every theme starts from before its extends chain applies: a neutral light kit, so
// a theme.yml with three lines is already complete.
import { SYSTEM_EMOJI_FONTS } from './bundled-fonts.js'
import type { ThemeInput } from './theme-schema.js'

export const DEFAULT_THEME_INPUT = {
  colors: {
    background: '#ffffff',
    text: '#1f2328',
    heading: '#111827',
    accent: '#2563eb',
    accentText: '#ffffff',
    link: '#1d4ed8',
    muted: '#5b6270',
    rule: '#e5e7eb',
    surface: '#f3f4f6',
    code: { background: '#f6f8fa', text: '#1f2328', keyword: '#b3261e', string: '#0a6640', comment: '#5b6270', number: '#7c3aed', title: '#1d4ed8' },
  },
  fonts: {
    heading: 'Inter',
    body: 'Inter',
    code: 'JetBrains Mono',
    fallback: {
      chinese: 'Noto Sans SC',
      japanese: 'Noto Sans JP',
      korean: 'Noto Sans KR',
      arabic: 'Noto Sans Arabic',
      hebrew: 'Noto Sans Hebrew',
      emoji: { system: [...SYSTEM_EMOJI_FONTS] },
    },
  },
  footer: '',
  size: { width: 1280, height: 720 },
} satisfies ThemeInput

/** Print paper and ink when neither the theme nor its parents say otherwise. */
export const PAPER = { background: '#ffffff', text: '#1a1a1a', muted: '#555555', rule: '#d4d4d4', surface: '#f4f4f5', codeBackground: '#f5f5f5' }

export const DEFAULT_LOGO_HEIGHT = 44
