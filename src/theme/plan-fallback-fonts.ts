// Pure: which script fallback font draws each character the theme's own fonts lack, language by
// language. Han characters are shared by Chinese, Japanese and Korean: text in each language
// tries its own font first and the others after (a Japanese font has no 习 or 简), so a deck
// that mixes them draws every character, each in the shapes its language expects.
import { primaryLanguage, type LanguageText } from '../slides/detect-language.js'
import { neededCodePoints, rangesContain } from './detect-scripts.js'
import { PRINT_FALLBACKS } from './bundled-fonts.js'
import type { FontsourceFace } from './read-fontsource.js'
import type { FallbackScript } from './theme-schema.js'
import type { FontRef, ThemeKit } from './theme-kit.js'

export type FontCatalog = ReadonlyMap<string, readonly FontsourceFace[]>

const CJK_ORDER: Readonly<Record<string, readonly FallbackScript[]>> = {
  ja: ['japanese', 'chinese', 'korean'],
  ko: ['korean', 'chinese', 'japanese'],
  zh: ['chinese', 'japanese', 'korean'],
}

/** The script fallbacks in the order text in `lang` tries them. */
export function fallbackOrder(lang: string): FallbackScript[] {
  return [...(CJK_ORDER[primaryLanguage(lang)] ?? CJK_ORDER.zh!), 'arabic', 'hebrew', 'emoji']
}

const SCRIPT_TESTS: readonly [FallbackScript, RegExp][] = [
  ['japanese', /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u],
  ['korean', /[\p{Script=Hangul}\p{Script=Han}]/u],
  ['chinese', /\p{Script=Han}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['emoji', /\p{Extended_Pictographic}/u],
]

/** The fallback scripts whose font could draw `cp` (Han belongs to all three CJK fonts). */
export function scriptsOf(cp: number): FallbackScript[] {
  const ch = String.fromCodePoint(cp)
  return SCRIPT_TESTS.filter(([, test]) => test.test(ch)).map(([script]) => script)
}

export interface FallbackPlan {
  /** Per bundled font, the code points it draws. */
  readonly drawn: ReadonlyMap<string, ReadonlySet<number>>
  /** Fallback refs used, per language, in that language's order. */
  readonly used: ReadonlyMap<string, readonly FontRef[]>
  /** Code points that a fallback script should draw but no available font of it has, with those scripts in order. */
  readonly uncovered: ReadonlyMap<number, readonly FallbackScript[]>
  /** PRINT_FALLBACKS the text needs, in their order. */
  readonly print: readonly string[]
}

/**
 * For each language's text, each character the role fonts lack goes to the first fallback (in
 * the language's order) that has it: a bundled font by its subsets' ranges, a system font or
 * the theme's own files for any character of its script.
 */
export function planFallbacks(kit: ThemeKit, catalog: FontCatalog, texts: readonly LanguageText[], coveredByRoles: (cp: number) => boolean): FallbackPlan {
  const drawn = new Map<string, Set<number>>()
  const used = new Map<string, FontRef[]>()
  const uncovered = new Map<number, FallbackScript[]>()
  const print = new Set<string>()
  // What a system font may draw, or nothing: the bundled print fonts stand behind it.
  const backUp = (cp: number): boolean => {
    const fonts = PRINT_FALLBACKS.filter((name) => (catalog.get(name) ?? []).some((f) => rangesContain(f.ranges, cp)))
    for (const name of fonts) {
      print.add(name)
      drawn.set(name, (drawn.get(name) ?? new Set()).add(cp))
    }
    return fonts.length > 0
  }
  for (const { lang, text } of texts) {
    const key = primaryLanguage(lang)
    const order = fallbackOrder(lang)
    const refs = used.get(key) ?? []
    used.set(key, refs)
    for (const cp of neededCodePoints(text)) {
      if (cp < 0x7f || coveredByRoles(cp)) continue
      const scripts = scriptsOf(cp)
      const script = order.find((s) => scripts.includes(s) && refCovers(kit.fonts.fallback[s], catalog, cp))
      const ref = script && kit.fonts.fallback[script]
      if (ref && !refs.includes(ref)) refs.push(ref)
      if (ref?.kind === 'bundled') drawn.set(ref.name, (drawn.get(ref.name) ?? new Set()).add(cp))
      else if (!backUp(cp) && !ref && scripts.length) uncovered.set(cp, order.filter((s) => scripts.includes(s)))
    }
    refs.sort((a, b) => rank(kit, order, a) - rank(kit, order, b))
  }
  return { drawn, used, uncovered, print: PRINT_FALLBACKS.filter((name) => print.has(name)) }
}

function refCovers(ref: FontRef, catalog: FontCatalog, cp: number): boolean {
  if (ref.kind !== 'bundled') return true
  return (catalog.get(ref.name) ?? []).some((f) => rangesContain(f.ranges, cp))
}

function rank(kit: ThemeKit, order: readonly FallbackScript[], ref: FontRef): number {
  return order.findIndex((s) => kit.fonts.fallback[s] === ref)
}

/**
 * Bundled fallback fonts whose catalog the plan may need: for each script present in the text,
 * the fonts of every script that could draw its characters.
 */
export function fallbackFontsWanted(kit: ThemeKit, texts: readonly LanguageText[]): Set<string> {
  const scripts = new Set<FallbackScript>()
  for (const { text } of texts) {
    for (const [script, test] of SCRIPT_TESTS) if (test.test(text)) scripts.add(script)
  }
  const names = new Set<string>()
  if (texts.some(({ text }) => /[^\u0000-\u1fff]/u.test(text))) for (const name of PRINT_FALLBACKS) names.add(name)
  for (const script of scripts) {
    const ref = kit.fonts.fallback[script]
    if (ref.kind === 'bundled') names.add(ref.name)
  }
  return names
}
