// Pure: Chapter[] -> Slide[] (Markdown to HTML, structured fields, notes, layout, generated slides).
import type { Token, Tokens } from 'marked'
import { error, type Diagnostic, type SourceSpan, type StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, ChapterRef, DeckConfig, LinkTarget, Slide, SlideAttribute, SlideData, SlideOrigin, SlideSource } from '../model.js'
import type { DiagramRequest } from '../diagrams/collect-diagrams.js'
import type { EmojiTable } from '../emoji/emoji-shortcodes.js'
import { applyElementAttributes, hasElementComments } from './apply-element-attributes.js'
import { plainText } from '../html/html-text.js'
import { attachElementMarks } from './element-marks.js'
import { extractBlocks } from './extract-blocks.js'
import { collectCodeSteps, extractSlideData, mapHtmlFields, significant, splitTitle } from './extract-slide-data.js'
import { detectLanguage, detectMainLanguage, langAttribute, splitByLanguage, type LanguageText } from './detect-language.js'
import { agendaSlide, chapterSectionSlide, titleSlide } from './generated-slides.js'
import { inferLayout } from './infer-layout.js'
import { locate } from './locate-in-source.js'
import { positionTargets, rewritePositionLinks } from './map-position-links.js'
import { childTokens, hasRawHtml, lexMarkdown, renderBlocks, renderInline } from './markdown.js'
import { NestingTooDeep } from './nesting-too-deep.js'
import { readBackground } from './read-background.js'
import { resolveLinks, type AssetRequest } from './resolve-links.js'
import { resolveHtmlMedia } from './resolve-media.js'
import { createRichContent, type RichContent } from './rich-content.js'
import { sanitizeAttributes, sanitizeSlideHtml } from './sanitize-slide-html.js'
import { resolveSplit, renderMark, attributeText, slideAttributes } from './slide-attributes.js'
import { slidePrintData } from './slide-print-data.js'
import { createSlugger, type Slugger } from './slugify-heading.js'

export interface BuildSlidesInput {
  readonly deck: DeckConfig
  readonly deckDir: string
  readonly chapters: readonly Chapter[]
  /** Shortcode table, when the deck's text may hold `:shortcodes:`. */
  readonly emoji?: EmojiTable
}

export interface BuiltSlides {
  readonly slides: readonly Slide[]
  readonly chapters: readonly ChapterRef[]
  /** Local files the slides reference, each with the line that asked for it. */
  readonly assets: readonly AssetRequest[]
  /** Diagrams to draw; their placeholders are in the slides' HTML until the build fills them. */
  readonly diagrams: readonly DiagramRequest[]
  /** The typeset HTML of every formula (the math stylesheet keeps the fonts they use). */
  readonly formulas: readonly string[]
  /** The deck's language: deck.yml's `lang`, or detected from the text. */
  readonly lang: string
  /** All the deck's text (deck.yml fields included) by language, for the font plan. */
  readonly texts: readonly LanguageText[]
}

export function buildSlides(input: BuildSlidesInput): StageResult<BuiltSlides> {
  const diagnostics: Diagnostic[] = []
  const assets: AssetRequest[] = []
  const slug = createSlugger()
  const bodies: Slide[][] = []
  const refs: ChapterRef[] = []
  const rich = createRichContent(input.deck, input.emoji)
  const { deck } = input
  const deckFields = [deck.title, deck.subtitle, deck.author, deck.date, deck.event].join(' ')
  const lang = deck.lang || detectMainLanguage(`${deckFields} ${input.chapters.map(chapterText).join(' ')}`, 'en')
  const texts: LanguageText[] = [{ lang, text: `${deckFields} Agenda` }]

  input.chapters.forEach((chapter, i) => {
    const number = i + 1
    const pending: Slide[] = []
    const ref: ChapterRef = { number, title: chapter.meta.title, subtitle: chapter.meta.subtitle, file: chapter.file, firstSlideId: '' }
    const chapterLang = chapter.meta.lang || detectMainLanguage(chapterText(chapter), lang)
    texts.push({ lang: chapterLang, text: `${ref.title} ${ref.subtitle}` })
    if (chapter.meta.section && ref.title) pending.push(withLang(chapterSectionSlide(chapter, ref, slug(ref.title, `chapter-${number}`)), chapterLang, lang))
    // Ids first, so that links naming a slide by its position can name its id instead.
    const lexed = chapter.slides.map((source) => lexSlide(source, ref, input, { slug, assets, rich, diagnostics }))
    const targets = positionTargets(lexed, chapter.meta.dialect.name)
    for (const slide of lexed) {
      const { source } = slide
      const own = langAttribute(source.attributes) || detectLanguage(`${source.markdown}\n${source.notes}`, chapterLang)
      texts.push(...splitByLanguage(`${source.markdown}\n${source.notes}`, own))
      pending.push(withLang(buildSlide(slide, chapter, ref, input, targets, { slug, assets, rich, diagnostics }), own, lang))
    }
    const firstSlideId = pending[0]?.id ?? ''
    const finalRef = { ...ref, firstSlideId }
    refs.push(finalRef)
    bodies.push(pending.map((s) => ({ ...s, chapter: finalRef })))
  })

  const opening: Slide[] = []
  if (input.deck.titleSlide) opening.push(titleSlide(input.deck, slug(input.deck.title, 'title')))
  if (input.deck.agenda && refs.length > 1) opening.push(agendaSlide(input.deck, refs, slug('agenda', 'agenda')))
  const slides = [...opening, ...bodies.flat()].map((s, i) => ({ ...s, index: i + 1 }))
  return { value: { slides, chapters: refs, assets, diagrams: rich.diagrams, formulas: [...rich.islands.values()], lang, texts }, diagnostics }
}

const chapterText = (chapter: Chapter): string => [chapter.meta.title, chapter.meta.subtitle, ...chapter.slides.map((s) => `${s.markdown} ${s.notes}`)].join(' ')

/** Marks a slide whose language differs from the deck's, so its fonts are chosen for that language. */
function withLang(slide: Slide, lang: string, deckLang: string): Slide {
  if (lang === deckLang || slide.attributes.some((a) => a.name === 'lang')) return slide
  return { ...slide, attributes: [...slide.attributes, { name: 'lang', value: lang }] }
}

interface LexedSlide {
  readonly source: SlideSource
  readonly origin: SlideOrigin
  readonly tokens: Token[]
  readonly attributes: ReadonlyArray<readonly [string, string]>
  readonly id: string
  readonly newStack: boolean
  readonly hidden: boolean
  /** Files the slide's attributes name (background images), for its links. */
  readonly assets: readonly AssetRequest[]
}

/** What every slide of a build adds to or draws from. */
interface SlideSink {
  readonly slug: Slugger
  readonly assets: AssetRequest[]
  readonly rich: RichContent
  readonly diagnostics: Diagnostic[]
}

function lexSlide(source: SlideSource, ref: ChapterRef, input: BuildSlidesInput, { slug, assets, rich, diagnostics }: SlideSink): LexedSlide {
  const origin: SlideOrigin = { file: source.span.file, markdown: source.markdown, markdownLine: source.markdownLine }
  const deck = { deckDir: input.deckDir, policy: input.deck.html }
  const tokens = lexGuarded(source.markdown, { file: source.span.file, line: source.span.line }, diagnostics)
  rich.prepare(tokens, origin, diagnostics)
  const clean = (text: string): string => (deck.policy === 'trusted' ? text : sanitizeAttributes(text, origin, diagnostics))
  // An `.element:` comment with no element before it belongs to the slide, as in Reveal.
  const slideMarks = attachElementMarks(tokens, clean)
  const own: AssetRequest[] = []
  const attributes = slideAttributes([source.attributes, attributeText(slideMarks)].filter(Boolean).join(' '), source, origin, deck, own, diagnostics)
  assets.push(...own)
  const authorId = attributes.find(([name]) => name === 'id')?.[1] ?? ''
  const id = /^[A-Za-z][\w:.-]*$/.test(authorId) ? slug(authorId, authorId, true) : slug(titleOf(tokens), `slide-${ref.number}-${source.markdownLine}`)
  const hidden = attributes.some(([name, value]) => name === 'data-visibility' && value === 'hidden')
  return { source, origin, tokens, attributes, id, newStack: source.newStack, hidden, assets: own }
}

function buildSlide(
  lexed: LexedSlide,
  chapter: Chapter,
  ref: ChapterRef,
  input: BuildSlidesInput,
  targets: ReadonlyMap<string, string>,
  sink: SlideSink,
): Slide {
  const { assets, rich, diagnostics } = sink
  const { source, origin, tokens } = lexed
  rewritePositionLinks(tokens, targets)
  const firstAsset = assets.length
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics), ...resolveHtmlMedia(tokens, origin, input.deckDir))
  const layout = source.template || (source.split ? 'split' : inferLayout(tokens, chapter.meta.template))
  const finishing = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics)
  const finish = (html: string): string => rich.fill(finishing.html(html))
  const split = resolveSplit(source.split, source, input.deckDir, assets)
  const data: SlideData = { ...mapHtmlFields(extractSlideData(tokens, source.markdownLine), finish), ...(split && { split }) }
  const images = [...lexed.assets, ...assets.slice(firstAsset)].map((a): LinkTarget => ({ kind: 'image', href: a.to, span: a.span }))
  const notes = buildNotes(source, input, sink)
  const steps = collectCodeSteps(tokens)
  const background = readBackground(lexed.attributes)
  const mark = (text: string | undefined): string | undefined => {
    const html = renderMark(text)
    return html && input.deck.html === 'safe' && html.includes('<') ? sanitizeSlideHtml(html, origin, diagnostics) : html
  }
  const headerHtml = mark(source.header)
  const footerHtml = mark(source.footer)
  const layoutSpan = source.template ? source.templateSpan : layout === chapter.meta.template ? chapter.meta.spans.template : undefined
  return {
    id: lexed.id,
    index: 0,
    layout,
    ...(layoutSpan && { layoutSpan }),
    data,
    notesHtml: notes.html,
    notesText: notes.text,
    notesBlocks: notes.blocks,
    attributes: lexed.attributes.map(([name, value]): SlideAttribute => ({ name, value })),
    newStack: source.newStack,
    chapter: ref,
    generated: false,
    span: source.span,
    source: origin,
    links: [...images, ...linksOf(tokens, origin), ...notes.links],
    print: slidePrintData(splitTitle(tokens).afterTitle, data, finish, source.markdown, steps.reduce((n, block) => n + block.steps.length - 1, 0)),
    ...(steps.length && { steps }),
    ...(lexed.hidden && { hidden: true }),
    ...(background && { background }),
    ...(headerHtml !== undefined && { headerHtml }),
    ...(footerHtml !== undefined && { footerHtml }),
    ...(source.showNumber !== undefined && { showNumber: source.showNumber }),
  }
}

/** The slide's title as its id is made from it: the first block's heading, as plain text. */
function titleOf(tokens: readonly Token[]): string {
  const first = significant(tokens)[0]
  return first?.type === 'heading' ? plainText(renderInline((first as Tokens.Heading).tokens)) : ''
}

/** The links of the tokens (images come from resolveLinks, with their lines). */
function linksOf(tokens: readonly Token[], origin: SlideOrigin): LinkTarget[] {
  const links: LinkTarget[] = []
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'link') links.push({ kind: 'link', href: (token as Tokens.Link).href, span: locate(origin, (token as Tokens.Link).href) })
      for (const child of childTokens(token)) visit(child)
    }
  }
  visit(tokens)
  return links
}

/**
 * The chapter check catches structures nested too deeply line by line; what it cannot see
 * (emphasis inside emphasis, blocks opened inside quotes) stops here, as an error at the slide.
 */
function lexGuarded(markdown: string, span: SourceSpan, diagnostics: Diagnostic[]): Token[] {
  try {
    return lexMarkdown(markdown)
  } catch (cause) {
    if (!(cause instanceof NestingTooDeep) && !(cause instanceof RangeError)) throw cause
    diagnostics.push(error('too-deeply-nested', 'This slide is nested too deeply to build (emphasis, quotes, lists or ::: blocks inside each other)', span, 'Flatten the structure: no slide needs it this deep.'))
    return []
  }
}

/**
 * HTML from Markdown alone is safe; raw HTML in the slide is checked and cleaned, and each
 * removal reported once (on the body, which holds every other field's HTML).
 */
function finisher(rawHtml: boolean, origin: SlideOrigin, policy: DeckConfig['html'], diagnostics: Diagnostic[]) {
  const needsCleaning = policy === 'safe' && rawHtml
  let reported = false
  return {
    html(html: string): string {
      let out = hasElementComments(html) ? applyElementAttributes(html) : html
      if (!needsCleaning || !out) return out
      const sink: Diagnostic[] = []
      out = sanitizeSlideHtml(out, origin, sink)
      if (!reported && sink.length) {
        diagnostics.push(...sink)
        reported = true
      }
      return out
    },
  }
}

function buildNotes(source: SlideSource, input: BuildSlidesInput, { assets, rich, diagnostics }: SlideSink) {
  if (!source.notes) return { html: '', text: '', links: [], blocks: [] }
  const origin: SlideOrigin = { file: source.span.file, markdown: source.notes, markdownLine: source.notesLine }
  const tokens = lexGuarded(source.notes, { file: source.span.file, line: source.notesLine }, diagnostics)
  rich.prepare(tokens, origin, diagnostics)
  const requested = resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics)
  assets.push(...requested, ...resolveHtmlMedia(tokens, origin, input.deckDir))
  const html = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics).html(renderBlocks(tokens))
  const images = requested.map((a): LinkTarget => ({ kind: 'image', href: a.to, span: a.span }))
  // The text is read before the formulas are filled in: their placeholders hold the TeX.
  return { html: rich.fill(html), text: plainText(html), links: [...images, ...linksOf(tokens, origin)], blocks: extractBlocks(tokens, source.notesLine) }
}
