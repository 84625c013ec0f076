// Pure: Chapter[] -> Slide[] (Markdown to HTML, structured fields, notes, layout, generated slides).
import type { Token, Tokens } from 'marked'
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, ChapterRef, DeckConfig, Slide, SlideData, SlideSource } from '../model.js'
import { applyElementAttributes, hasElementComments } from './apply-element-attributes.js'
import { plainText } from '../html/html-text.js'
import { attachElementMarks } from './element-marks.js'
import { collectCodeSteps, extractSlideData, mapHtmlFields, significant } from './extract-slide-data.js'
import { agendaSlide, chapterSectionSlide, titleSlide } from './generated-slides.js'
import { inferLayout } from './infer-layout.js'
import type { SlideOrigin } from './locate-in-source.js'
import { positionTargets, rewritePositionLinks } from './map-position-links.js'
import { hasRawHtml, lexMarkdown, renderBlocks, renderInline } from './markdown.js'
import { readBackground } from './read-background.js'
import { resolveLinks, type AssetRequest } from './resolve-links.js'
import { sanitizeAttributes, sanitizeSlideHtml } from './sanitize-slide-html.js'
import { attributeText, renderMark, resolveSplit, slideAttributes } from './slide-attributes.js'
import { createSlugger, type Slugger } from './slugify-heading.js'

export interface BuildSlidesInput {
  readonly deck: DeckConfig
  readonly deckDir: string
  readonly chapters: readonly Chapter[]
}

export interface BuiltSlides {
  readonly slides: readonly Slide[]
  readonly chapters: readonly ChapterRef[]
  /** Local files the slides reference, each with the line that asked for it. */
  readonly assets: readonly AssetRequest[]
}

export function buildSlides(input: BuildSlidesInput): StageResult<BuiltSlides> {
  const diagnostics: Diagnostic[] = []
  const assets: AssetRequest[] = []
  const slug = createSlugger()
  const bodies: Slide[][] = []
  const refs: ChapterRef[] = []

  input.chapters.forEach((chapter, i) => {
    const number = i + 1
    const pending: Slide[] = []
    const ref: ChapterRef = { number, title: chapter.meta.title, subtitle: chapter.meta.subtitle, file: chapter.file, firstSlideId: '' }
    if (chapter.meta.section && ref.title) pending.push(chapterSectionSlide(chapter, ref, slug(ref.title, `chapter-${number}`)))
    // Ids first, so that links naming a slide by its position can name its id instead.
    const lexed = chapter.slides.map((source) => lexSlide(source, ref, input, slug, assets, diagnostics))
    const targets = positionTargets(lexed, chapter.meta.dialect.name)
    for (const slide of lexed) pending.push(buildSlide(slide, chapter, ref, input, targets, assets, diagnostics))
    const firstSlideId = pending[0]?.id ?? ''
    const finalRef = { ...ref, firstSlideId }
    refs.push(finalRef)
    bodies.push(pending.map((s) => ({ ...s, chapter: finalRef })))
  })

  const opening: Slide[] = []
  if (input.deck.titleSlide) opening.push(titleSlide(input.deck, slug(input.deck.title, 'title')))
  if (input.deck.agenda && refs.length > 1) opening.push(agendaSlide(input.deck, refs, slug('agenda', 'agenda')))
  const slides = [...opening, ...bodies.flat()].map((s, i) => ({ ...s, index: i + 1 }))
  return { value: { slides, chapters: refs, assets }, diagnostics }
}

interface LexedSlide {
  readonly source: SlideSource
  readonly origin: SlideOrigin
  readonly tokens: Token[]
  readonly attributes: ReadonlyArray<readonly [string, string]>
  readonly id: string
  readonly newStack: boolean
  readonly hidden: boolean
}

function lexSlide(source: SlideSource, ref: ChapterRef, input: BuildSlidesInput, slug: Slugger, assets: AssetRequest[], diagnostics: Diagnostic[]): LexedSlide {
  const origin: SlideOrigin = { file: source.span.file, markdown: source.markdown, markdownLine: source.markdownLine }
  const deck = { deckDir: input.deckDir, policy: input.deck.html }
  const tokens = lexMarkdown(source.markdown)
  const clean = (text: string): string => (deck.policy === 'trusted' ? text : sanitizeAttributes(text, origin, diagnostics))
  // An `.element:` comment with no element before it belongs to the slide, as in Reveal.
  const slideMarks = attachElementMarks(tokens, clean)
  const attributes = slideAttributes([source.attributes, attributeText(slideMarks)].filter(Boolean).join(' '), source, origin, deck, assets, diagnostics)
  const authorId = attributes.find(([name]) => name === 'id')?.[1] ?? ''
  const id = /^[A-Za-z][\w:.-]*$/.test(authorId) ? slug(authorId, authorId, true) : slug(titleOf(tokens), `slide-${ref.number}-${source.markdownLine}`)
  const hidden = attributes.some(([name, value]) => name === 'data-visibility' && value === 'hidden')
  return { source, origin, tokens, attributes, id, newStack: source.newStack, hidden }
}

function buildSlide(
  lexed: LexedSlide,
  chapter: Chapter,
  ref: ChapterRef,
  input: BuildSlidesInput,
  targets: ReadonlyMap<string, string>,
  assets: AssetRequest[],
  diagnostics: Diagnostic[],
): Slide {
  const { source, origin, tokens } = lexed
  rewritePositionLinks(tokens, targets)
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics))
  const layout = source.template || (source.split ? 'split' : inferLayout(tokens, chapter.meta.template))
  const finish = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics)
  const split = resolveSplit(source.split, source, input.deckDir, assets)
  const data: SlideData = { ...mapHtmlFields(extractSlideData(tokens), finish.html), ...(split && { split }) }
  const notes = buildNotes(source, input, assets, diagnostics)
  const steps = collectCodeSteps(tokens)
  const background = readBackground(lexed.attributes)
  const mark = (text: string | undefined): string | undefined => {
    const html = renderMark(text)
    return html && input.deck.html === 'safe' && html.includes('<') ? sanitizeSlideHtml(html, origin, diagnostics) : html
  }
  const headerHtml = mark(source.header)
  const footerHtml = mark(source.footer)
  return {
    id: lexed.id,
    index: 0,
    layout,
    data,
    notesHtml: notes.html,
    notesText: notes.text,
    attributes: attributeText(lexed.attributes),
    newStack: source.newStack,
    chapter: ref,
    generated: false,
    // A missing template is then reported where it was named.
    span: source.templateSpan ?? source.span,
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

function buildNotes(source: SlideSource, input: BuildSlidesInput, assets: AssetRequest[], diagnostics: Diagnostic[]) {
  if (!source.notes) return { html: '', text: '' }
  const origin: SlideOrigin = { file: source.span.file, markdown: source.notes, markdownLine: source.notesLine }
  const tokens = lexMarkdown(source.notes)
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics))
  const html = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics).html(renderBlocks(tokens))
  return { html, text: plainText(html) }
}
