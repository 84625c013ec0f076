// Pure: the speaker notes of a deck as one document, Markdown or plain text: for each slide
// its number, chapter and title, then its notes (for rehearsal, or the next presenter).
import type { DeckConfig, Slide } from '../model.js'
import { blocksToMarkdown, blocksToText } from './blocks-text.js'

export interface NotesInput {
  readonly deck: DeckConfig
  readonly slides: readonly Slide[]
}

function chapterOf(slide: Slide): string {
  return slide.chapter ? `${String(slide.chapter.number).padStart(2, '0')} ${slide.chapter.title || slide.chapter.file}` : 'Opening'
}

function titleOf(slide: Slide, deck: DeckConfig): string {
  return slide.data.title || (slide.layout === 'title' ? deck.title : `(${slide.layout} slide)`)
}

function byline(deck: DeckConfig): string {
  return [deck.author, deck.event, deck.date].filter(Boolean).join(' · ')
}

export function notesMarkdown({ deck, slides }: NotesInput): string {
  const head = [`# ${deck.title} — speaker notes`, ...(deck.subtitle ? [`*${deck.subtitle}*`] : []), ...(byline(deck) ? [byline(deck)] : [])]
  const parts = slides.map((slide) => {
    const notes = blocksToMarkdown(slide.notesBlocks ?? []) || '*No notes.*'
    return `## ${slide.index}. ${titleOf(slide, deck)}\n\nChapter: ${chapterOf(slide)}\n\n${notes}`
  })
  return `${[head.join('\n\n'), ...parts].join('\n\n')}\n`
}

export function notesText({ deck, slides }: NotesInput): string {
  const title = `${deck.title} — speaker notes`
  const head = [title, '='.repeat(title.length), ...(byline(deck) ? [byline(deck)] : [])]
  const parts = slides.map((slide) => {
    const notes = blocksToText(slide.notesBlocks ?? [])
    return [`Slide ${slide.index} · ${chapterOf(slide)}`, titleOf(slide, deck), '', ...(notes.length ? notes.join('\n\n').split('\n') : ['(no notes)'])].join('\n')
  })
  return `${[head.join('\n'), ...parts].join('\n\n----\n\n')}\n`
}
