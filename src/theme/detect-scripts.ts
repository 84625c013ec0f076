// Pure: which script fallbacks a deck's text needs, and which characters a font subset must cover.
import type { FallbackScript } from './theme-schema.js'

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const TESTS: readonly [FallbackScript, (text: string) => boolean][] = [
  // Kana means Japanese; Han alone is taken as Chinese (a Japanese deck's kanji go to the JP font).
  ['japanese', (t) => KANA.test(t)],
  ['korean', (t) => /\p{Script=Hangul}/u.test(t)],
  ['chinese', (t) => /\p{Script=Han}/u.test(t) && !KANA.test(t)],
  ['arabic', (t) => /\p{Script=Arabic}/u.test(t)],
  ['hebrew', (t) => /\p{Script=Hebrew}/u.test(t)],
  ['emoji', (t) => /\p{Extended_Pictographic}/u.test(t)],
]

/** Scripts present in the text, in the order their fonts go into the font stack. */
export function detectScripts(text: string): FallbackScript[] {
  return TESTS.filter(([, test]) => test(text)).map(([script]) => script)
}

/** Code points that need a glyph: no spaces, controls, joiners or variation selectors. */
export function neededCodePoints(text: string): Set<number> {
  const out = new Set<number>()
  const skipped = new Set<number>()
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) i++ // the low surrogate was read with it
    if (out.has(cp) || skipped.has(cp)) continue
    // A 1,000-slide deck is ~400k characters: settle printable ASCII without a regex.
    if (cp > 0x20 && cp < 0x7f) out.add(cp)
    else if (/[\s\p{Cc}\p{Cf}\uFE00-\uFE0F]/u.test(String.fromCodePoint(cp))) skipped.add(cp)
    else out.add(cp)
  }
  return out
}

export type CodeRange = readonly [number, number]

/** `U+0000-00FF,U+0131` -> [[0,255],[305,305]]. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value.split(',').flatMap((part) => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    if (!m) return []
    if (m[1]!.includes('?')) return [[parseInt(m[1]!.replace(/\?/g, '0'), 16), parseInt(m[1]!.replace(/\?/g, 'f'), 16)] as const]
    const lo = parseInt(m[1]!, 16)
    return [[lo, m[2] ? parseInt(m[2], 16) : lo] as const]
  })
}

export function rangesContain(ranges: readonly CodeRange[], cp: number): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi)
}

/**
 * What a theme's output depends on in the deck's text: the characters beyond ASCII (fonts are
 * bundled one Unicode-range subset at a time). Equal keys give equal theme output, so a watcher
 * can reuse the loaded theme while the key stays the same.
 */
export function themeTextKey(text: string): string {
  const extra = [...neededCodePoints(text)].filter((cp) => cp > 0x7e).sort((a, b) => a - b)
  return extra.map((cp) => String.fromCodePoint(cp)).join('')
}
