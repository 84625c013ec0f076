// Pure: the language of a deck, a chapter and a slide, from what the author wrote (`lang`) or,
// failing that, from the text. It matters for Han characters: Chinese, Japanese and Korean
// share them, and each language wants its own font's shapes first (and a Japanese font lacks
// many simplified Chinese characters), so the font stack is ordered by the text's language.
import { createRequire } from 'node:module'

// Loaded on first use: only slides that write `lang` on an element need an HTML parser.
const require = createRequire(import.meta.url)

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
  // Letters are counted only for text with CJK in it: matching every letter of a whole deck cost more than building a slide.
  const cjk = text.match(CJK_LETTER)?.length ?? 0
  return cjk > 0 && cjk * 2 >= (text.match(LETTER)?.length ?? 0) ? detectLanguage(text, inherited) : inherited
}

const LANG_ATTRIBUTE = /(?:^|\s)lang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i

/** The `lang` an attribute string (`<!-- .slide: lang="zh" -->`) sets, or ''. */
export function langAttribute(attributes: string): string {
  const m = LANG_ATTRIBUTE.exec(attributes)
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim()
}

/**
 * Splits a slide's source into the text of each language: what elements written with a `lang`
 * attribute (`<span lang="zh">…</span>`) hold, apart from the rest, which is in `lang`. Read
 * with an HTML parser, as a browser would nest them.
 */
export function splitByLanguage(source: string, lang: string): LanguageText[] {
  if (!/\slang\s*=/i.test(source)) return [{ lang, text: source }]
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2')
  const texts = new Map<string, string[]>([[lang, []]])
  const open: string[] = []
  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        open.push(attributes.lang?.trim() || (open.at(-1) ?? lang))
      },
      onclosetag() {
        open.pop()
      },
      ontext(text) {
        const at = open.at(-1) ?? lang
        texts.set(at, [...(texts.get(at) ?? []), text])
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: true },
  )
  parser.write(source)
  parser.end()
  return [...texts].map(([code, parts]) => ({ lang: code, text: parts.join(' ') }))
}
