// Pure: the slides deckhand writes itself — the title, the agenda and each chapter's opener.
import type { Chapter, ChapterRef, DeckConfig, ListItem, Slide, SlideData } from '../model.js'
import { escapeHtml } from '../html/html-text.js'

function data(title: string, lead: string, items: readonly ListItem[] = []): SlideData {
  const titleHtml = escapeHtml(title)
  const leadHtml = escapeHtml(lead)
  return { title, titleHtml, lead: leadHtml, body: '', rest: '', items, sections: [], images: [], columns: [], blocks: [] }
}

function generated(id: string, layout: string, slideData: SlideData, span: Slide['span'], chapter: ChapterRef | null): Slide {
  const source = { file: span.file, markdown: '', markdownLine: span.line }
  const print = { handoutBlocks: [], fragmentSteps: 0, outlineBody: slideData.body }
  return { id, index: 0, layout, data: slideData, notesHtml: '', notesText: '', notesBlocks: [], attributes: [], newStack: true, chapter, generated: true, span, source, links: [], print }
}

export function titleSlide(deck: DeckConfig, id: string): Slide {
  return generated(id, 'title', data(deck.title, deck.subtitle), deck.spans.title ?? { file: deck.file, line: 1 }, null)
}

/** One item per chapter; templates link each to `#/<firstSlideId>`. */
export function agendaSlide(deck: DeckConfig, chapters: readonly ChapterRef[], id: string): Slide {
  const items = chapters.map((c) => {
    const text = escapeHtml(c.title || c.file)
    return { html: text, text: c.title, label: String(c.number), rest: escapeHtml(c.subtitle), fragment: false }
  })
  return generated(id, 'agenda', data('Agenda', '', items), { file: deck.file, line: 1 }, null)
}

export function chapterSectionSlide(chapter: Chapter, ref: ChapterRef, id: string): Slide {
  const span = chapter.meta.spans.title ?? { file: chapter.file, line: 1 }
  return generated(id, 'section', data(ref.title, ref.subtitle), span, ref)
}
