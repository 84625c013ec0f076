import { describe, expect, it } from 'vitest'
import { detectLanguage, detectMainLanguage, langAttribute, splitByLanguage } from '../../../src/slides/detect-language.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { deckConfig } from '../../helpers/deck-config.js'

describe('detectLanguage', () => {
  it('reads kana as Japanese, Hangul as Korean and Han alone as Chinese', () => {
    expect(detectLanguage('ひらがなと漢字', 'en')).toBe('ja')
    expect(detectLanguage('안녕하세요', 'en')).toBe('ko')
    expect(detectLanguage('深度学习', 'en')).toBe('zh')
    expect(detectLanguage('Hello', 'fr')).toBe('fr')
  })

  it('keeps a CJK language around Han-only text (a Japanese slide may be all kanji)', () => {
    expect(detectLanguage('深層学習', 'ja')).toBe('ja')
    expect(detectLanguage('深度学习', 'zh-TW')).toBe('zh-TW')
  })

  it('makes a deck CJK only when most of its letters are', () => {
    expect(detectMainLanguage('A talk in English with one line: 深度学习', 'en')).toBe('en')
    expect(detectMainLanguage('深層学習の歴史 history', 'en')).toBe('ja')
  })

  it('reads lang attributes and splits elements in another language off', () => {
    expect(langAttribute('class="x" lang="zh-CN"')).toBe('zh-CN')
    expect(langAttribute("data-lang='x'")).toBe('')
    expect(splitByLanguage('直す <span lang="zh-CN">简直</span>', 'ja')).toEqual([
      { lang: 'ja', text: '直す ' },
      { lang: 'zh-CN', text: '简直' },
    ])
  })
})

describe('slide languages', () => {
  it('marks a slide in another language than the deck and keeps an explicit one', () => {
    const chapter = parseChapter('/d/01.md', '# English\n\nHello\n\n---\n\n# 中文\n\n简单\n\n---\n\n<!-- .slide: lang="ko" -->\n# 漢字\n').value
    const { value } = buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/d', chapters: [chapter] })
    expect(value.lang).toBe('en')
    expect(value.slides.map((s) => s.attributes.find((a) => a.name === 'lang')?.value ?? '')).toEqual(['', 'zh', 'ko'])
    expect(value.texts).toEqual(expect.arrayContaining([expect.objectContaining({ lang: 'zh', text: expect.stringContaining('简单') })]))
  })

  it('takes the chapter language from front matter', () => {
    const chapter = parseChapter('/d/01.md', '---\nlang: zh-CN\n---\n# 漢字\n').value
    const { value } = buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false, lang: 'ja' }), deckDir: '/d', chapters: [chapter] })
    expect(value.lang).toBe('ja')
    expect(value.slides[0]!.attributes.find((a) => a.name === 'lang')?.value).toBe('zh-CN')
  })
})

describe('text of headings and deck fields', () => {
  it('decodes HTML entities in titles, for bookmarks and the outline', () => {
    const chapter = parseChapter('/d/01.md', '## Ecosystem &mdash; libraries &copy; 2026 &#x2713;\n\nText\n').value
    const { value } = buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/d', chapters: [chapter] })
    expect(value.slides[0]!.data.title).toBe('Ecosystem — libraries © 2026 ✓')
  })

  it('gives deck.yml fields to the font plan, so characters only there get a font', () => {
    const chapter = parseChapter('/d/01.md', '## Hello\n').value
    const { value } = buildSlides({ deck: deckConfig({ title: '深度学习' }), deckDir: '/d', chapters: [chapter] })
    expect(value.texts.some((t) => t.text.includes('深度学习'))).toBe(true)
  })
})
