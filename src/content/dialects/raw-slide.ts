// The shape a chapter is split into before each slide is read: its lines, where they start, and
// what a dialect already knows about the slide (notes from comments, a layout, attributes).
import type { SourceSpan } from '../../diagnostics/diagnostic.js'
import type { SlideSource } from '../../model.js'

export interface RawSlide {
  readonly lines: readonly string[]
  /** File line of `lines[0]`. */
  readonly firstLine: number
  readonly newStack: boolean
  /** The file the lines come from, when not the chapter's own (a Slidev `src:` import). */
  readonly file?: string
  readonly preset?: SlidePreset
}

/** What a Marp or Slidev slide says outside deckhand's directives. */
export interface SlidePreset {
  readonly notes?: string
  readonly notesLine?: number
  readonly template?: string
  readonly templateSpan?: SourceSpan
  /** Attributes as `<!-- .slide: -->` writes them. */
  readonly attributes?: string
  readonly extras?: Pick<SlideSource, 'split' | 'header' | 'footer' | 'showNumber'>
}

/** One function per dialect that splits differently from deckhand's `---` lines. */
export type SlideSplitter = (body: string, bodyLine: number) => RawSlide[]
