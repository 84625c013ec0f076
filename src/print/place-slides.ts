// Pure: where each slide goes on paper, and what the print templates show around it.
import type { ChapterRef, RenderedSlide, Slide } from '../model.js'
import type { FrameSize, HandoutGeometry } from './page-geometry.js'
import { paperSection, type PaperSection } from './slide-frame.js'

export interface Bookmark {
  readonly level: 1 | 2
  readonly text: string
  readonly id?: string
}

export interface SlideSize {
  readonly width: number
  readonly height: number
}

/** One slide placed on paper, with what the templates show around it (see slide-frame.hbs). */
export interface PlacedSlide {
  /** Anchor id (the slide's id), set on its first appearance only. */
  readonly id?: string
  readonly number: number
  readonly title: string
  /** The scaled slide on paper, the slide's own size, its section and its HTML. */
  readonly frame: FrameSize
  readonly canvas: SlideSize
  readonly section: PaperSection
  readonly html: string
  /** slides.pdf with fragments: the step this copy shows (the print runtime hides later ones). */
  readonly step?: number
  readonly notesHtml: string
  /** Inner HTML of the slide's handout-only blocks. */
  readonly handoutHtml: string
  readonly bookmarks: readonly Bookmark[]
}

/** The bookmark headings that belong before each slide: chapter (h1) when one starts, then the slide (h2). */
export function bookmarksFor(slides: readonly Slide[]): Bookmark[][] {
  let chapter: number | undefined
  return slides.map((slide) => {
    const marks: Bookmark[] = []
    const title = slideTitle(slide)
    if (!slide.chapter) {
      chapter = undefined
      return [{ level: 1, text: title }]
    }
    if (slide.chapter.number !== chapter) {
      chapter = slide.chapter.number
      marks.push({ level: 1, text: chapterTitle(slide.chapter), id: chapterAnchor(slide.chapter) })
      if (slide.generated && slide.layout === 'section') return marks
    }
    marks.push({ level: 2, text: title })
    return marks
  })
}

export function chapterAnchor(chapter: ChapterRef): string {
  return `chapter-${chapter.number}`
}

export function chapterTitle(chapter: ChapterRef): string {
  return chapter.title || `Chapter ${chapter.number}`
}

/** The slide's title; for a slide without one (a quote, a picture), the start of what it shows. */
export function slideTitle(slide: Slide): string {
  const standIn = slide.data.title.trim() || slide.data.quote?.text || slide.data.images[0]?.alt.trim() || ''
  return standIn ? shorten(standIn, 70) : `Slide ${slide.index}`
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

/** slides.pdf: one page per slide, or per fragment step when `fragments` is on. */
export function placeSlidePages(slides: readonly RenderedSlide[], size: SlideSize, fragments: boolean): PlacedSlide[] {
  const marks = bookmarksFor(slides.map((s) => s.slide))
  const frame = { width: size.width, height: size.height, scale: 1 }
  return slides.flatMap(({ slide, html }, i) => {
    const steps = fragments ? slide.print.fragmentSteps : 0
    const section = paperSection(slide)
    // The last copy shows every fragment, so none is left unseen whatever the count.
    return Array.from({ length: steps + 1 }, (_, k) => ({
      ...(k === 0 && { id: slide.id }),
      number: slide.index,
      title: slideTitle(slide),
      frame,
      canvas: size,
      section,
      html,
      ...(k < steps && { step: k }),
      notesHtml: '',
      handoutHtml: '',
      bookmarks: k === 0 ? marks[i]! : [],
    }))
  })
}

/** Handouts: each slide once, scaled into the layout's frame, its handout-only blocks beside it. */
export function placeHandoutSlides(slides: readonly RenderedSlide[], size: SlideSize, geometry: HandoutGeometry): PlacedSlide[] {
  const marks = bookmarksFor(slides.map((s) => s.slide))
  return slides.map(({ slide, html }, i) => ({
    id: slide.id,
    number: slide.index,
    title: slideTitle(slide),
    frame: geometry.frame,
    canvas: size,
    section: paperSection(slide),
    html,
    notesHtml: slide.notesHtml,
    handoutHtml: slide.print.handoutBlocks.join('\n'),
    bookmarks: marks[i]!,
  }))
}

/** Slides grouped onto sheets of `perSheet`. */
export function groupSheets<T>(items: readonly T[], perSheet: number): T[][] {
  const sheets: T[][] = []
  for (let i = 0; i < items.length; i += perSheet) sheets.push(items.slice(i, i + perSheet))
  return sheets
}

export interface OutlineChapter {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly subtitle: string
  readonly slides: readonly { id: string; number: number; title: string; body: string; notesHtml: string }[]
}

/** The outline: each chapter's slides as text; title, agenda and section slides are the headings. */
export function outlineChapters(slides: readonly RenderedSlide[], chapters: readonly ChapterRef[]): OutlineChapter[] {
  return chapters.map((chapter) => ({
    id: chapterAnchor(chapter),
    number: chapter.number,
    title: chapterTitle(chapter),
    subtitle: chapter.subtitle,
    slides: slides
      .map((s) => s.slide)
      .filter((s) => s.chapter?.number === chapter.number && !(s.generated && s.layout === 'section'))
      .map((s) => ({ id: s.id, number: s.index, title: slideTitle(s), body: s.print.outlineBody, notesHtml: s.notesHtml })),
  }))
}

