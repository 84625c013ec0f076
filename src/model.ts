// Plain, readonly, serialisable data passed between the pipeline's stages.
import type { SourceSpan } from './diagnostics/diagnostic.js'
import type { Palette, SlideLook } from './theme/theme-kit.js'

export type HandoutLayout = 'notes' | '2-up' | '3-up' | '6-up' | 'outline'
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = ['notes', '2-up', '3-up', '6-up', 'outline']
export type Paper = 'A4' | 'Letter'
/** What `deckhand export` writes besides the HTML deck and the PDFs. */
export type ExportFormat = 'html-single' | 'notes' | 'pptx' | 'png' | 'pptx-images'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html-single', 'notes', 'pptx', 'png', 'pptx-images']
/** What `export` writes when neither the command line nor deck.yml names formats: the documents, not the pictures. */
export const DEFAULT_EXPORT_FORMATS: readonly ExportFormat[] = ['html-single', 'notes', 'pptx']
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
  /** TeX macros defined once for the deck's formulas (`\\RR` -> `\\mathbb{R}`). */
  readonly math: { readonly macros: Readonly<Record<string, string>> }
  /** What `deckhand export` writes when no `--to` is given; empty or absent: every format. */
  readonly exports?: readonly ExportFormat[]
  /** Where each key of deck.yml was written, for errors found after validation. */
  readonly spans: Readonly<Record<string, SourceSpan>>
  readonly file: string
}

/** The tool a chapter was written for, and what deckhand takes from its front matter. */
export interface ChapterDialect {
  readonly name: 'deckhand' | 'reveal-md' | 'marp' | 'slidev'
  /** Built-in theme the chapter asks for (a foreign theme name mapped to the closest); '' = none. */
  readonly theme: string
  readonly themeSpan?: SourceSpan
  /** Options for Reveal.initialize (reveal-md's `revealOptions`, a Marp or Slidev `transition`). */
  readonly reveal: Readonly<Record<string, unknown>>
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
  readonly dialect: ChapterDialect
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
  /** The slide's first and last line in its file (`endLine`); a Slidev `src:` import's own file for its slides. */
  readonly span: SourceSpan
  /** A picture beside the content (Marp's `![bg left:40%]`, Slidev's `image-left`). */
  readonly split?: SplitImage
  /** Marp's `header` and `footer` (inline Markdown) and `paginate`. */
  readonly header?: string
  readonly footer?: string
  readonly showNumber?: boolean
}

export interface SplitImage {
  /** As written (relative to the slide's file, or a URL); an output path once the slide is built. */
  readonly src: string
  readonly alt: string
  readonly side: 'left' | 'right'
  /** Share of the slide's width, as a percentage (`40%`). */
  readonly width: string
  /** CSS object-fit of the picture: cover or contain (a percentage or auto shows it whole). */
  readonly fit: string
}

export interface Chapter {
  readonly file: string
  /** File name without folder, for ids and messages. */
  readonly name: string
  readonly meta: ChapterMeta
  readonly slides: readonly SlideSource[]
  /** Files the chapter imports (a Slidev `src:`), absolute; read by the build, which parses again. */
  readonly imports: readonly string[]
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
  /** Attributes from an `.element:` comment (`class="r-stretch"`, Marp's `w:` as a style), cleaned. */
  readonly attributes?: string
}

export interface CodeBlock {
  readonly lang: string
  /** Highlighted HTML of the whole block (`<pre><code>…`). */
  readonly html: string
  readonly text: string
  /** The highlighter's tokens, one list per line, for outputs that are not HTML (absent: plain `text`). */
  readonly lines?: readonly (readonly CodeSpan[])[]
  /** 1-based lines marked for emphasis (```` ```py {2-3} ````); the others are dimmed. */
  readonly highlight?: readonly number[]
}

/** A run of code text with the highlighter's scopes around it, outermost first (`['meta', 'keyword']`). */
export interface CodeSpan {
  readonly text: string
  readonly scopes: readonly string[]
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
  /** `text`: the quote's words, for a title where the slide has none (bookmarks, captions on paper). */
  readonly quote?: { readonly html: string; readonly cite: string; readonly text: string }
  readonly code?: CodeBlock
  readonly columns: readonly string[]
  /** The picture beside the content of a `split` slide, its src an output path or a URL. */
  readonly split?: SplitImage
  /** The slide's content after the title as structured text, in order (see ContentBlock); built slides always have it. */
  readonly blocks?: readonly ContentBlock[]
}

export interface ChapterRef {
  readonly number: number
  readonly title: string
  readonly subtitle: string
  readonly file: string
  /** Id of the chapter's first slide, for agenda links. */
  readonly firstSlideId: string
}

/** Where a slide's Markdown starts in its file and what it says, so a piece of it can be turned back into a line. */
export interface SlideOrigin {
  readonly file: string
  readonly markdown: string
  readonly markdownLine: number
}

/** One attribute of `<!-- .slide: … -->`, its value as text (not HTML-escaped). */
export interface SlideAttribute {
  readonly name: string
  readonly value: string
}

/** A link or image of the slide (or its notes), its href as in the output, and the line that wrote it. */
export interface LinkTarget {
  readonly kind: 'link' | 'image'
  readonly href: string
  readonly span: SourceSpan
}

/** What paper needs of a slide, found at the token stage (print never re-reads the slide's HTML). */
export interface SlidePrint {
  /** Inner HTML of each `:::handout` block, in order: shown beside the slide in handouts. */
  readonly handoutBlocks: readonly string[]
  /** Fragment steps as Reveal.js counts them: one per index, one per fragment without; 0 without fragments. */
  readonly fragmentSteps: number
  /** `data.body` with its headings as paragraphs: the outline handout's headings stay chapter > slide. */
  readonly outlineBody: string
}

export interface Slide {
  readonly id: string
  /** 1-based position in the deck (horizontal and vertical slides counted alike). */
  readonly index: number
  readonly layout: string
  /** Where the layout was named (`<!-- template: x -->`, or the chapter's `template:`); absent when inferred. */
  readonly layoutSpan?: SourceSpan
  readonly data: SlideData
  readonly notesHtml: string
  readonly notesText: string
  /** The notes as structured text, for outputs that are not HTML; built slides always have it. */
  readonly notesBlocks?: readonly ContentBlock[]
  readonly attributes: readonly SlideAttribute[]
  readonly newStack: boolean
  /** null for the generated title and agenda slides. */
  readonly chapter: ChapterRef | null
  /** Generated slides (title, agenda, chapter section) point at the file that caused them. */
  readonly generated: boolean
  /** From the slide's first line to its last (notes included). */
  readonly span: SourceSpan
  /** The slide's Markdown (without notes); empty for generated slides. */
  readonly source: SlideOrigin
  readonly links: readonly LinkTarget[]
  readonly print: SlidePrint
  /** Code blocks that light their lines step by step (`{1|3-4}`), in the slide's order; absent = none. */
  readonly steps?: readonly CodeSteps[]
  /** `data-visibility="hidden"`: Reveal leaves it out of the deck, and so should every print. */
  readonly hidden?: boolean
  /** The slide's own background, read from its `data-background*` attributes; absent = the theme's. */
  readonly background?: SlideBackground
  /** Marp's running header and footer, as HTML; absent = the theme's footer. */
  readonly headerHtml?: string
  readonly footerHtml?: string
  /** false when the slide shows no page number (Marp without `paginate`). */
  readonly showNumber?: boolean
}

/** One code block's steps: each step lists the lines it lights (empty = every line). */
export interface CodeSteps {
  /** 0-based position of the block among the slide's code blocks. */
  readonly block: number
  readonly steps: readonly (readonly number[])[]
}

/** What a slide's background is, for outputs that paint it themselves (print, thumbnails). */
export interface SlideBackground {
  /** A CSS colour, '' for none. */
  readonly color: string
  /** Image path relative to the output folder (or a URL); several are comma-separated; '' for none. */
  readonly image: string
  /** A CSS gradient, '' for none. */
  readonly gradient: string
  /** Video path or URL, '' for none (it prints as its colour). */
  readonly video: string
  /** CSS background-size, -position and -repeat of the image, and its opacity (0–1). */
  readonly size: string
  readonly position: string
  readonly repeat: string
  readonly opacity: number
  /** Whether the background is dark, so text on it takes the theme's light colour; null = cannot tell. */
  readonly dark: boolean | null
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
 * --dh-title-text, --dh-section-bg, --dh-section-text, and for diagrams --dh-diagram-line,
 * --dh-diagram-1, --dh-diagram-2, --dh-diagram-3, --dh-diagram-4, --dh-diagram-5, --dh-diagram-6
 * (series colours the text reads on).
 */
export interface ThemeStyle {
  readonly name: string
  /** Variables, @font-face rules and the theme's own theme.css, for the deck. */
  readonly css: string
  /** The same variables in print-friendly form (light paper unless the theme says otherwise); print documents embed it. */
  readonly printCss: string
  /** Fonts, logo and background images, copied into the output. */
  readonly assets: readonly AssetRef[]
  readonly logo: { readonly src: string; readonly alt: string; readonly position: LogoPosition } | null
  readonly footer: string
  /** Slide size in CSS pixels. */
  readonly width: number
  readonly height: number
  /** The kit's colours and fonts as data, for outputs that are not CSS (the PowerPoint); loaded themes always have it. */
  readonly brand?: ThemeBrand
}

export interface ThemeBrand {
  readonly colors: Palette
  /** Each role's first font family (a bundled font, the theme's own, or a system font). */
  readonly fonts: { readonly heading: string; readonly body: string; readonly code: string }
  /** Each role's generic family (`serif`, `sans-serif`, `monospace`), for applications that must substitute a font. */
  readonly fontKinds: { readonly heading: string; readonly body: string; readonly code: string }
  /** Backgrounds as written (colour or gradient), an image as its path in the output folder. */
  readonly titleSlide: SlideLook
  readonly sectionSlide: SlideLook
  /** Logo height in CSS pixels (0 without a logo). */
  readonly logoHeight: number
}

/** Inline text with its marks, for outputs that are not HTML (the PowerPoint, the notes export). */
export interface TextRun {
  readonly text: string
  readonly bold?: boolean
  readonly italic?: boolean
  readonly code?: boolean
  readonly strike?: boolean
  /** Link target as written (images resolved to the output folder). */
  readonly href?: string
  /**
   * An inline formula, whose `text` is its TeX (with `code`): the formula as text, for outputs
   * that show text rather than typeset math (the PowerPoint). Absent when it has no linear form.
   */
  readonly formula?: readonly FormulaRun[]
}

/** A piece of a formula as text: raised or lowered, and italic or bold as TeX sets it. */
export interface FormulaRun {
  readonly text: string
  readonly script?: 'super' | 'sub'
  readonly italic?: boolean
  readonly bold?: boolean
}

/** One item of a list, nested lists flattened: level 0 is the outer list. */
export interface ListEntry {
  readonly runs: readonly TextRun[]
  readonly level: number
  readonly ordered: boolean
  /** The item's number in an ordered list. */
  readonly number: number
}

export type TableAlign = 'left' | 'center' | 'right' | ''

/**
 * A block of a slide's Markdown as text with structure, read from the tokens (never from
 * rendered HTML). `line` is the file line the block starts on.
 */
export type ContentBlock =
  | { readonly kind: 'heading'; readonly line: number; readonly depth: number; readonly runs: readonly TextRun[] }
  | { readonly kind: 'paragraph'; readonly line: number; readonly runs: readonly TextRun[] }
  | { readonly kind: 'list'; readonly line: number; readonly items: readonly ListEntry[] }
  | {
      readonly kind: 'table'
      readonly line: number
      readonly align: readonly TableAlign[]
      readonly header: readonly (readonly TextRun[])[]
      readonly rows: readonly (readonly (readonly TextRun[])[])[]
    }
  | { readonly kind: 'code'; readonly line: number; readonly code: CodeBlock }
  | { readonly kind: 'quote'; readonly line: number; readonly blocks: readonly ContentBlock[]; readonly cite: string }
  | { readonly kind: 'image'; readonly line: number; readonly image: ImageRef }
  /** A Mermaid diagram or a display formula, drawn into the slide's HTML at build time; `text` is its alt text or caption, or its TeX. */
  | { readonly kind: 'figure'; readonly line: number; readonly of: 'diagram' | 'formula'; readonly text: string }
  | { readonly kind: 'columns'; readonly line: number; readonly columns: readonly (readonly ContentBlock[])[] }
  /** `:::name` … `:::` other than columns: `handout`, `slides`, or a custom block. */
  | { readonly kind: 'container'; readonly line: number; readonly name: string; readonly blocks: readonly ContentBlock[] }
  | { readonly kind: 'rule'; readonly line: number }
  /** Raw HTML written in the Markdown, as its text. */
  | { readonly kind: 'html'; readonly line: number; readonly text: string }
