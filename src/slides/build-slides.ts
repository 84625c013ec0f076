// Pure: Chapter[] -> Slide[] (Markdown to HTML, structured fields, notes, layout, generated slides).
import path from 'node:path'
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, ChapterRef, DeckConfig, Slide, SlideData, SlideSource } from '../model.js'
import { applyElementAttributes, hasElementComments, parseAttributes } from './apply-element-attributes.js'
import { plainText } from '../html/html-text.js'
import { extractBlocks } from './extract-blocks.js'
import { extractSlideData, mapHtmlFields } from './extract-slide-data.js'
import { agendaSlide, chapterSectionSlide, titleSlide } from './generated-slides.js'
import { inferLayout } from './infer-layout.js'
import type { SlideOrigin } from './locate-in-source.js'
import { hasRawHtml, lexMarkdown, renderBlocks } from './markdown.js'
import { isLocalPath, outputPathFor, resolveLinks, type AssetRequest } from './resolve-links.js'
import { sanitizeAttributes, sanitizeSlideHtml } from './sanitize-slide-html.js'
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
  const tokens = lexMarkdown(source.markdown)
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics))
  const layout = source.template || inferLayout(tokens, chapter.meta.template)
  const finish = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics)
  const data: SlideData = mapHtmlFields(extractSlideData(tokens, source.markdownLine), finish.html)
  const notes = buildNotes(source, chapter, input, assets, diagnostics)
  const attributes = buildAttributes(source, origin, input, assets, diagnostics)
  const id = slug(data.title, `slide-${ref.number}-${source.markdownLine}`)
  return {
    id,
    index: 0,
    layout,
    data,
    notesHtml: notes.html,
    notesText: notes.text,
    notesBlocks: notes.blocks,
    attributes,
    newStack: source.newStack,
    chapter: ref,
    generated: false,
    // A missing template is then reported where it was named.
    span: source.templateSpan ?? source.span,
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
  if (!source.notes) return { html: '', text: '', blocks: [] }
  const origin: SlideOrigin = { file: chapter.file, markdown: source.notes, markdownLine: source.notesLine }
  const tokens = lexMarkdown(source.notes)
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics))
  const html = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics).html(renderBlocks(tokens))
  return { html, text: plainText(html), blocks: extractBlocks(tokens, source.notesLine) }
}

/** `<!-- .slide: … -->` attributes, cleaned, with local background images copied like any image. */
function buildAttributes(source: SlideSource, origin: SlideOrigin, input: BuildSlidesInput, assets: AssetRequest[], diagnostics: Diagnostic[]): string {
  if (!source.attributes) return ''
  const clean = input.deck.html === 'trusted' ? source.attributes : sanitizeAttributes(source.attributes, origin, diagnostics)
  return parseAttributes(clean)
    .filter(([name]) => name !== 'data-template')
    .map(([name, value]) => {
      if (/^data-background(-image|-video|-iframe)?$/.test(name) && isLocalPath(value) && /\.\w+$/.test(value)) {
        const from = path.resolve(path.dirname(origin.file), value)
        const to = outputPathFor(from, input.deckDir)
        assets.push({ from, to, span: source.span })
        value = to
      }
      return value ? `${name}="${value.replace(/"/g, '&quot;')}"` : name
    })
    .join(' ')
}
