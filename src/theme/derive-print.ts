// Pure: the print-friendly palette. Paper stays white unless the theme says otherwise; the
// brand's hues survive, darkened just enough to read on paper.
import { AA_LARGE, AA_TEXT, ensureContrast, isLightColor } from './check-contrast.js'
import { classifyBackground, } from './classify-background.js'
import { PAPER } from './default-kit.js'
import type { CodePalette, Palette, SlideLook, ThemeKit } from './theme-kit.js'
import type { ThemeInput } from './theme-schema.js'

type PrintInput = NonNullable<ThemeInput['print']>

export function derivePrint(colors: Palette, titleSlide: SlideLook, sectionSlide: SlideLook, over: PrintInput | undefined): ThemeKit['print'] {
  const lightTheme = isLightColor(colors.background)
  const paper = over?.background ?? PAPER.background
  const text = over?.text ?? (lightTheme ? ensureContrast(colors.text, paper, AA_TEXT) : PAPER.text)
  const accent = over?.accent ?? ensureContrast(colors.accent, paper, AA_TEXT)
  const codeBg = over?.code?.background ?? (lightTheme ? colors.code.background : PAPER.codeBackground)
  const code = Object.fromEntries(
    (['keyword', 'string', 'comment', 'number', 'title'] as const).map((k) => [k, over?.code?.[k] ?? ensureContrast(colors.code[k], codeBg, AA_TEXT)]),
  ) as Omit<CodePalette, 'background' | 'text'>
  // A dark theme's light code text would darken to a weak grey; ink reads better.
  const codeText = over?.code?.text ?? (lightTheme ? ensureContrast(colors.code.text, codeBg, AA_TEXT) : PAPER.text)
  const heading = over?.heading ?? (lightTheme ? ensureContrast(colors.heading, paper, AA_LARGE) : ensureContrast(colors.accent, paper, AA_TEXT))
  // On a light theme the title and section slides keep their look; a dark one's become paper with brand-coloured text.
  const keepLook = (look: SlideLook): boolean => lightTheme || (classifyBackground(look.background) === 'color' && isLightColor(look.background))
  const printLook = (look: SlideLook, o: PrintInput['titleSlide']): SlideLook => ({
    background: o?.background ?? (keepLook(look) ? look.background : paper),
    text: o?.text ?? (keepLook(look) ? look.text : heading),
  })
  return {
    background: paper,
    text,
    heading,
    accent,
    accentText: over?.accentText ?? (isLightColor(accent) ? '#000000' : '#ffffff'),
    link: over?.link ?? ensureContrast(colors.link, paper, AA_TEXT),
    muted: over?.muted ?? (lightTheme ? ensureContrast(colors.muted, paper, AA_TEXT) : PAPER.muted),
    rule: over?.rule ?? (lightTheme ? colors.rule : PAPER.rule),
    surface: over?.surface ?? (lightTheme ? colors.surface : PAPER.surface),
    code: { background: codeBg, text: codeText, ...code },
    titleSlide: printLook(titleSlide, over?.titleSlide),
    sectionSlide: printLook(sectionSlide, over?.sectionSlide),
  }
}
