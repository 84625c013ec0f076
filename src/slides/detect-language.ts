// Pure: the language of a deck, a chapter and a slide, from what the author wrote (`lang`) or,
// failing that, from the text. It matters for Han characters: Chinese, Japanese and Korean
// share them, and each language wants its own font's shapes first (and a Japanese font lacks
// many simplified Chinese characters), so the font stack is ordered by the text's language.

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL = /\p{Script=Hangul}/u
const HAN = /\p{Script=Han}/u
const LETTER = /\p{L}/gu
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu

/** Text in one language, for planning which fonts (and which of their subsets) it needs. */
export interface LanguageText {
  /** A BCP 47 tag (`ja`, `zh-CN`, `en`). */
  readonly lang: string
  readonly text: string
}

/** `zh-Hant-TW` -> `zh`. */
export const primaryLanguage = (lang: string): string => lang.trim().toLowerCase().split(/[-_]/)[0] ?? ''

const isCjk = (lang: string): boolean => ['ja', 'zh', 'ko'].includes(primaryLanguage(lang))

/**
 * The language of a piece of text inside something in `inherited`: kana is Japanese, Hangul
 * Korean; Han alone keeps a Chinese, Japanese or Korean `inherited` (a Japanese slide may be all
 * kanji) and is Chinese otherwise. Text without CJK keeps `inherited`.
 */
export function detectLanguage(text: string, inherited: string): string {
  if (KANA.test(text)) return 'ja'
  if (HANGUL.test(text) && !HAN.test(text)) return 'ko'
  if (HAN.test(text) || HANGUL.test(text)) return isCjk(inherited) ? inherited : HANGUL.test(text) ? 'ko' : 'zh'
  return inherited
}

/**
 * The language of a whole deck or chapter: CJK only when most of its letters are (a talk in
 * English quoting one Chinese line stays English), else `inherited`.
 */
export function detectMainLanguage(text: string, inherited: string): string {
  const letters = text.match(LETTER)?.length ?? 0
  const cjk = text.match(CJK_LETTER)?.length ?? 0
  return cjk > 0 && cjk * 2 >= letters ? detectLanguage(text, inherited) : inherited
}

const LANG_ATTRIBUTE = /(?:^|\s)lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i

/** The `lang` an attribute string (`<!-- .slide: lang="zh" -->`) sets, or ''. */
export function langAttribute(attributes: string): string {
  const m = LANG_ATTRIBUTE.exec(attributes)
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim()
}

const LANG_ELEMENT = /<([a-z][a-z0-9-]*)\b[^>]*?\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))[^>]*>([\s\S]*?)<\/\1\s*>/gi

/**
 * Splits a slide's source into the text of each language: elements written with a `lang`
 * attribute (`<span lang="zh">…</span>`) apart from the rest, which is in `lang`.
 */
export function splitByLanguage(source: string, lang: string): LanguageText[] {
  const parts: LanguageText[] = []
  const rest = source.replace(LANG_ELEMENT, (_m, _tag: string, a?: string, b?: string, c?: string, inner = '') => {
    parts.push({ lang: (a ?? b ?? c ?? '').trim() || lang, text: inner })
    return ' '
  })
  return [{ lang, text: rest }, ...parts]
}
