// Plain, readonly, serialisable data passed between the pipeline's stages.
import type { SourceSpan } from './diagnostics/diagnostic.js'

export type HandoutLayout = 'notes' | '2-up' | '3-up' | '6-up' | 'outline'
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = ['notes', '2-up', '3-up', '6-up', 'outline']
export type Paper = 'A4' | 'Letter'
export type HtmlPolicy = 'safe' | 'trusted'

/** deck.yml after defaults and validation: no optional field is left for later stages to default. */
export interface DeckConfig {
  readonly title: string
  readonly subtitle: string
  readonly author: string
  readonly date: string
  readonly event: string
  /** BCP 47 language tag; after the build, the deck's language as detected when deck.yml sets none. */
  readonly lang: string
  readonly theme: string
  /** Chapter files in order, relative to the deck folder; empty means "by file-name prefix". */
  readonly chapters: readonly string[]
  readonly html: HtmlPolicy
  /** Options passed to Reveal.initialize as they are (transition, controls, hash…). */
  readonly reveal: Readonly<Record<string, unknown>>
  readonly handouts: { readonly layouts: readonly HandoutLayout[]; readonly paper: Paper }
  /** Open with the generated title slide and agenda. */
  readonly titleSlide: boolean
  readonly agenda: boolean
  /** Planned length of the talk in minutes; 0 when not set. */
  readonly duration: number
  /** Words a minute used to estimate the talk's length. */
  readonly speakingRate: number
  /** Where each key of deck.yml was written, for errors found after validation. */
  readonly spans: Readonly<Record<string, SourceSpan>>
  readonly file: string
}

export interface ChapterMeta {
  readonly title: string
  readonly subtitle: string
  /** Open the chapter with a section slide. */
  readonly section: boolean
  /** Template for slides that name none and match no inference rule; '' = infer. */
  readonly template: string
  /** The chapter's language (BCP 47); '' = the deck's, or detected. */
  readonly lang: string
  readonly spans: Readonly<Record<string, SourceSpan>>
}

export interface SlideSource {
  /** Markdown of the slide without its notes and without the directive comments. */
  readonly markdown: string
  /** File line of the markdown's first line: line k of `markdown` is file line markdownLine + k. */
  readonly markdownLine: number
  readonly notes: string
  /** File line where the notes start; 0 when there are none. */
  readonly notesLine: number
  /** Template named by `<!-- template: x -->` (or `<!-- .slide: data-template="x" -->`); '' = none. */
  readonly template: string
  readonly templateSpan?: SourceSpan
  /** Attributes from `<!-- .slide: … -->`, raw (`class="x" data-background="#fff"`). */
  readonly attributes: string
  /** Starts a new horizontal stack (false for a vertical slide after `----`). */
  readonly newStack: boolean
  /** Line of the slide's first line in its file. */
  readonly span: SourceSpan
}

export interface Chapter {
  readonly file: string
  /** File name without folder, for ids and messages. */
  readonly name: string
  readonly meta: ChapterMeta
  readonly slides: readonly SlideSource[]
}

export interface ListItem {
  readonly html: string
  readonly text: string
  /** Leading bold text of the item (`**2016** — …`), used by timeline and cards. */
  readonly label: string
  /** The item without its label. */
  readonly rest: string
  readonly fragment: boolean
}

export interface Section {
  readonly title: string
  readonly titleHtml: string
  readonly html: string
  readonly items: readonly ListItem[]
}

export interface ImageRef {
  /** Path as written in the output folder (e.g. `images/pytorch-story/logo.png`). */
  readonly src: string
  readonly alt: string
  readonly title: string
}

export interface CodeBlock {
  readonly lang: string
  /** Highlighted HTML of the whole block (`<pre><code>…`). */
  readonly html: string
  readonly text: string
}

/** What a slide template receives, besides deck and chapter fields. */
export interface SlideData {
  readonly title: string
  readonly titleHtml: string
  /** First paragraph after the title. */
  readonly lead: string
  /** Everything after the title, as HTML. */
  readonly body: string
  /** Everything after the title and the lead. */
  readonly rest: string
  readonly items: readonly ListItem[]
  readonly sections: readonly Section[]
  readonly images: readonly ImageRef[]
  readonly quote?: { readonly html: string; readonly cite: string }
  readonly code?: CodeBlock
  readonly columns: readonly string[]
}

export interface ChapterRef {
  readonly number: number
  readonly title: string
  readonly subtitle: string
  readonly file: string
  /** Id of the chapter's first slide, for agenda links. */
  readonly firstSlideId: string
}

export interface Slide {
  readonly id: string
  /** 1-based position in the deck (horizontal and vertical slides counted alike). */
  readonly index: number
  readonly layout: string
  readonly data: SlideData
  readonly notesHtml: string
  readonly notesText: string
  readonly attributes: string
  readonly newStack: boolean
  /** null for the generated title and agenda slides. */
  readonly chapter: ChapterRef | null
  /** Generated slides (title, agenda, chapter section) point at the file that caused them. */
  readonly generated: boolean
  readonly span: SourceSpan
}

/** A file the output needs: copied from `from` to `to` (relative to the output folder). */
export interface AssetRef {
  readonly from: string
  readonly to: string
}

export interface RenderedSlide {
  readonly slide: Slide
  /** The slide's inner HTML after its template ran. */
  readonly html: string
}

export interface DeckHtml {
  readonly deck: string
  readonly html: string
  readonly slides: readonly RenderedSlide[]
  readonly assets: readonly AssetRef[]
  /** Extra files written as text (theme CSS…), relative to the output folder. */
  readonly files: Readonly<Record<string, string>>
}

export type LogoPosition = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'

/**
 * A theme made ready for output. Colours and fonts reach templates only through CSS custom
 * properties (see README "Themes"): --dh-bg, --dh-text, --dh-heading, --dh-accent,
 * --dh-accent-text, --dh-link, --dh-muted, --dh-rule, --dh-surface, --dh-code-bg,
 * --dh-code-text, --dh-code-keyword, --dh-code-string, --dh-code-comment, --dh-code-number,
 * --dh-code-title, --dh-font-body, --dh-font-heading, --dh-font-code, --dh-title-bg,
 * --dh-title-text, --dh-section-bg, --dh-section-text.
 */
export interface ThemeStyle {
  readonly name: string
  /** Variables, @font-face rules and the theme's own theme.css, for the deck. */
  readonly css: string
  /** The same variables in print-friendly form (light paper unless the theme says otherwise). */
  readonly printCss: string
  /** Fonts, logo and background images, copied into the output. */
  readonly assets: readonly AssetRef[]
  readonly logo: { readonly src: string; readonly alt: string; readonly position: LogoPosition } | null
  readonly footer: string
  /** Slide size in CSS pixels. */
  readonly width: number
  readonly height: number
}
