// Pure: Chapter[] -> Slide[] (Markdown to HTML, structured fields, notes, layout, generated slides).
import path from 'node:path'
import { error, type Diagnostic, type SourceSpan, type StageResult } from '../diagnostics/diagnostic.js'
import type { Token, Tokens } from 'marked'
import type { Chapter, ChapterRef, DeckConfig, LinkTarget, Slide, SlideAttribute, SlideData, SlideOrigin, SlideSource } from '../model.js'
import { applyElementAttributes, hasElementComments, parseAttributes } from './apply-element-attributes.js'
import { decodeEntities, plainText } from '../html/html-text.js'
import { extractSlideData, mapHtmlFields, splitTitle } from './extract-slide-data.js'
import { agendaSlide, chapterSectionSlide, titleSlide } from './generated-slides.js'
import { inferLayout } from './infer-layout.js'
import { locate } from './locate-in-source.js'
import { childTokens, hasRawHtml, lexMarkdown, renderBlocks } from './markdown.js'
import { NestingTooDeep } from './nesting-too-deep.js'
import { isLocalPath, outputPathFor, resolveLinks, type AssetRequest } from './resolve-links.js'
import { sanitizeAttributes, sanitizeSlideHtml } from './sanitize-slide-html.js'
import { slidePrintData } from './slide-print-data.js'
import { createSlugger } from './slugify-heading.js'

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
    for (const source of chapter.slides) {
      pending.push(buildSlide(source, chapter, ref, input, slug, assets, diagnostics))
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
  return { value: { slides, chapters: refs, assets }, diagnostics }
}

function buildSlide(
  source: SlideSource,
  chapter: Chapter,
  ref: ChapterRef,
  input: BuildSlidesInput,
  slug: (text: string, fallback: string) => string,
  assets: AssetRequest[],
  diagnostics: Diagnostic[],
): Slide {
  const origin: SlideOrigin = { file: chapter.file, markdown: source.markdown, markdownLine: source.markdownLine }
  const tokens = lexGuarded(source.markdown, { file: source.span.file, line: source.span.line }, diagnostics)
  const firstAsset = assets.length
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics))
  const layout = source.template || inferLayout(tokens, chapter.meta.template)
  const finish = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics)
  const data: SlideData = mapHtmlFields(extractSlideData(tokens), finish.html)
  const notes = buildNotes(source, chapter, input, assets, diagnostics)
  const attributes = buildAttributes(source, origin, input, assets, diagnostics)
  const id = slug(data.title, `slide-${ref.number}-${source.markdownLine}`)
  const images = assets.slice(firstAsset).map((a): LinkTarget => ({ kind: 'image', href: a.to, span: a.span }))
  const layoutSpan = source.template ? source.templateSpan : layout === chapter.meta.template ? chapter.meta.spans.template : undefined
  return {
    id,
    index: 0,
    layout,
    ...(layoutSpan && { layoutSpan }),
    data,
    notesHtml: notes.html,
    notesText: notes.text,
    attributes,
    newStack: source.newStack,
    chapter: ref,
    generated: false,
    span: source.span,
    source: origin,
    links: [...images, ...linksOf(tokens, origin), ...notes.links],
    print: slidePrintData(splitTitle(tokens).afterTitle, data, finish.html, source.markdown),
  }
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
function lexGuarded(markdown: string, span: SourceSpan, diagnostics: Diagnostic[]) {
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

function buildNotes(source: SlideSource, chapter: Chapter, input: BuildSlidesInput, assets: AssetRequest[], diagnostics: Diagnostic[]) {
  if (!source.notes) return { html: '', text: '', links: [] }
  const origin: SlideOrigin = { file: chapter.file, markdown: source.notes, markdownLine: source.notesLine }
  const tokens = lexGuarded(source.notes, { file: chapter.file, line: source.notesLine }, diagnostics)
  const requested = resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics)
  assets.push(...requested)
  const html = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics).html(renderBlocks(tokens))
  const images = requested.map((a): LinkTarget => ({ kind: 'image', href: a.to, span: a.span }))
  return { html, text: plainText(html), links: [...images, ...linksOf(tokens, origin)] }
}

/** `<!-- .slide: … -->` attributes, cleaned, with local background images copied like any image. */
function buildAttributes(source: SlideSource, origin: SlideOrigin, input: BuildSlidesInput, assets: AssetRequest[], diagnostics: Diagnostic[]): SlideAttribute[] {
  if (!source.attributes) return []
  const clean = input.deck.html === 'trusted' ? source.attributes : sanitizeAttributes(source.attributes, origin, diagnostics)
  return parseAttributes(clean)
    .filter(([name]) => name !== 'data-template')
    .map(([name, written]) => {
      let value = decodeEntities(written)
      if (/^data-background(-image|-video|-iframe)?$/.test(name) && isLocalPath(value) && /\.\w+$/.test(value)) {
        const from = path.resolve(path.dirname(origin.file), value)
        const to = outputPathFor(from, input.deckDir)
        assets.push({ from, to, span: source.span })
        value = to
      }
      return { name, value }
    })
}
