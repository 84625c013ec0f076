import { describe, expect, it } from 'vitest'
import { checkTalkLength, countWords, estimateTalkLength, spokenWords } from '../../../src/check/estimate-talk-length.js'
import type { ChapterRef, Slide, SlideData } from '../../../src/model.js'
import { deckConfig } from '../../helpers/deck-config.js'
import { testSlide } from '../../helpers/slide.js'

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

function chapter(number: number, title: string): ChapterRef {
  return { number, title, subtitle: '', file: `/deck/0${number}.md`, firstSlideId: '' }
}

function slide(options: { notes?: string; body?: string; title?: string; code?: string; chapter?: ChapterRef | null }): Slide {
  const data: SlideData = {
    title: options.title ?? '',
    titleHtml: options.title ?? '',
    lead: '',
    body: options.body ?? '',
    rest: '',
    items: [],
    sections: [],
    images: [],
    columns: [],
    ...(options.code !== undefined && { code: { lang: 'ts', html: '', text: options.code } }),
  }
  return testSlide({ data, notesText: options.notes ?? '', chapter: options.chapter ?? null, span: { file: options.chapter?.file ?? '/deck/deck.yml', line: 1 } })
}

describe('countWords', () => {
  it('counts words, not punctuation or dashes', () => {
    expect(countWords('Hello, world — this is   PyTorch 2.0!\n- item')).toBe(7)
    expect(countWords('')).toBe(0)
  })

  it('counts Chinese and Japanese words, which are written without spaces', () => {
    // 深度 学习 改变 了 研究 方法; 深層 学習 は 研究 を 変え まし た (as ICU cuts them).
    expect(countWords('深度学习改变了研究方法')).toBeGreaterThanOrEqual(5)
    expect(countWords('深層学習は研究を変えました')).toBeGreaterThanOrEqual(6)
  })
})

describe('spokenWords', () => {
  it('takes the notes when there are any, else the visible text', () => {
    expect(spokenWords(slide({ notes: words(50), body: `<p>${words(10)}</p>`, title: 'Title here' }))).toBe(50)
    expect(spokenWords(slide({ body: `<ul><li>${words(10)}</li></ul>`, title: 'Title here' }))).toBe(12)
  })
  it('counts code lightly', () => {
    expect(spokenWords(slide({ title: 'Code', body: `<pre><code>${words(40)}</code></pre>`, code: words(40) }))).toBe(1 + 10)
  })
})

describe('estimateTalkLength', () => {
  const one = chapter(1, 'Intro')
  const two = chapter(2, 'Details')
  const slides = [
    slide({ title: 'Deck title' }),
    slide({ chapter: one, notes: words(130) }),
    slide({ chapter: one, notes: words(65) }),
    slide({ chapter: two, notes: words(260) }),
  ]

  it('gives minutes per chapter in order and in total, with a fixed time per slide', () => {
    const length = estimateTalkLength(slides, { rate: 130, secondsPerSlide: 6 })
    expect(length.chapters.map((c) => [c.number, c.title, c.slides, c.words])).toEqual([
      [0, 'Opening', 1, 2],
      [1, 'Intro', 2, 195],
      [2, 'Details', 1, 260],
    ])
    expect(length.chapters[1]!.minutes).toBeCloseTo(1.5 + 0.2, 5)
    expect(length.chapters[2]!.minutes).toBeCloseTo(2 + 0.1, 5)
    expect(length.minutes).toBeCloseTo(457 / 130 + 0.4, 5)
  })

  it('scales with the speaking rate', () => {
    const slow = estimateTalkLength(slides, { rate: 100, secondsPerSlide: 0 })
    const fast = estimateTalkLength(slides, { rate: 200, secondsPerSlide: 0 })
    expect(slow.minutes).toBeCloseTo(fast.minutes * 2, 5)
  })
})

describe('checkTalkLength', () => {
  const length = estimateTalkLength([slide({ chapter: chapter(1, 'A'), notes: words(1300) })], { rate: 130, secondsPerSlide: 0 })
  it('warns at the duration line when the talk runs over', () => {
    const deck = deckConfig({ duration: 8, spans: { duration: { file: '/deck/deck.yml', line: 7 } } })
    expect(checkTalkLength(length, deck)).toEqual([expect.objectContaining({ severity: 'warning', code: 'talk-too-long', span: { file: '/deck/deck.yml', line: 7 } })])
  })
  it('says nothing when it fits or no duration is planned', () => {
    expect(checkTalkLength(length, deckConfig({ duration: 10 }))).toEqual([])
    expect(checkTalkLength(length, deckConfig({ duration: 0 }))).toEqual([])
  })
})
