// Pure: how long the talk will take, per chapter and in total, from notes and slide text.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { DeckConfig, Slide } from '../model.js'
import { plainText } from '../html/html-text.js'

export interface TalkLengthOptions {
  /** Words a minute. */
  readonly rate: number
  /** Time a slide costs besides the words: the change, a pause, a look at a diagram. @defaultValue 6 */
  readonly secondsPerSlide?: number
}

export interface ChapterLength {
  /** 0 for the opening (generated title and agenda slides). */
  readonly number: number
  readonly title: string
  readonly file: string
  readonly slides: number
  readonly words: number
  readonly minutes: number
}

export interface TalkLength {
  readonly chapters: readonly ChapterLength[]
  readonly slides: number
  readonly words: number
  readonly minutes: number
  readonly rate: number
}

export const DEFAULT_SECONDS_PER_SLIDE = 6

/**
 * The words a speaker says on a slide: its notes when it has any (the script), else its
 * visible text, which a speaker without notes reads or paraphrases.
 */
export function spokenWords(slide: Slide): number {
  const notes = countWords(slide.notesText)
  if (notes > 0) return notes
  const visible = plainText(`${slide.data.titleHtml} ${slide.data.body}`)
  // Code is shown rather than read aloud: count it lightly.
  const code = slide.data.code ? countWords(slide.data.code.text) : 0
  return Math.max(0, countWords(visible) - code) + Math.round(code / 4)
}

// Words as the language's own rules cut them: Chinese and Japanese are written without spaces.
// Made on first use: making one loads the dictionaries, tens of milliseconds at every start.
let words: Intl.Segmenter | undefined

export function countWords(text: string): number {
  // Spaced scripts keep the quick count; only text with CJK needs the dictionary segmenter.
  if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  words ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  let count = 0
  for (const segment of words.segment(text)) if (segment.isWordLike) count++
  return count
}

/** Minutes per chapter (in deck order) and in total. */
export function estimateTalkLength(slides: readonly Slide[], options: TalkLengthOptions): TalkLength {
  const perSlide = options.secondsPerSlide ?? DEFAULT_SECONDS_PER_SLIDE
  const groups = new Map<number, { title: string; file: string; slides: number; words: number }>()
  for (const slide of slides) {
    const number = slide.chapter?.number ?? 0
    const group = groups.get(number) ?? { title: slide.chapter?.title || (number === 0 ? 'Opening' : `Chapter ${number}`), file: slide.chapter?.file ?? slide.span.file, slides: 0, words: 0 }
    group.slides += 1
    group.words += spokenWords(slide)
    groups.set(number, group)
  }
  const minutesOf = (words: number, count: number): number => words / options.rate + (count * perSlide) / 60
  const chapters = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, g]) => ({ number, ...g, minutes: minutesOf(g.words, g.slides) }))
  const words = chapters.reduce((n, c) => n + c.words, 0)
  return { chapters, slides: slides.length, words, minutes: minutesOf(words, slides.length), rate: options.rate }
}

/** A warning at deck.yml's `duration:` when the estimate runs over it. */
export function checkTalkLength(length: TalkLength, deck: DeckConfig): Diagnostic[] {
  if (deck.duration <= 0 || length.minutes <= deck.duration) return []
  const over = length.minutes - deck.duration
  return [
    warning(
      'talk-too-long',
      `The talk runs about ${formatMinutes(length.minutes)} minutes at ${length.rate} words a minute, ${formatMinutes(over)} over the planned ${deck.duration}`,
      deck.spans['duration'] ?? { file: deck.file, line: 1 },
      'Cut notes or slides, or raise --rate if you speak faster.',
    ),
  ]
}

/** Minutes as people say them: one decimal for short spans, whole minutes for long ones. */
export function formatMinutes(minutes: number): string {
  return minutes < 10 ? (Math.round(minutes * 10) / 10).toString() : Math.round(minutes).toString()
}
