// Pure: Chapter[] -> Slide[] (Markdown to HTML, structured fields, notes, layout, generated slides).
import path from 'node:path'
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, ChapterRef, DeckConfig, Slide, SlideData, SlideSource } from '../model.js'
import { applyElementAttributes, hasElementComments, parseAttributes } from './apply-element-attributes.js'
import { plainText } from '../html/html-text.js'
import { extractSlideData, mapHtmlFields } from './extract-slide-data.js'
import { detectLanguage, detectMainLanguage, langAttribute, splitByLanguage, type LanguageText } from './detect-language.js'
import { agendaSlide, chapterSectionSlide, titleSlide } from './generated-slides.js'
import { inferLayout } from './infer-layout.js'
import type { SlideOrigin } from './locate-in-source.js'
import { hasRawHtml, lexMarkdown, renderBlocks } from './markdown.js'
import { isLocalPath, outputPathFor, resolveLinks, type AssetRequest } from './resolve-links.js'
import { resolveHtmlMedia } from './resolve-media.js'
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
    for (const source of chapter.slides) {
      const own = langAttribute(source.attributes) || detectLanguage(`${source.markdown}\n${source.notes}`, chapterLang)
      texts.push(...splitByLanguage(`${source.markdown}\n${source.notes}`, own))
      pending.push(withLang(buildSlide(source, chapter, ref, input, slug, assets, diagnostics), own, lang))
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
  return { value: { slides, chapters: refs, assets, lang, texts }, diagnostics }
}

const chapterText = (chapter: Chapter): string => [chapter.meta.title, chapter.meta.subtitle, ...chapter.slides.map((s) => `${s.markdown} ${s.notes}`)].join(' ')

/** Marks a slide whose language differs from the deck's, so its fonts are chosen for that language. */
function withLang(slide: Slide, lang: string, deckLang: string): Slide {
  if (lang === deckLang || langAttribute(slide.attributes)) return slide
  return { ...slide, attributes: `${slide.attributes} lang="${lang.replace(/"/g, '&quot;')}"`.trim() }
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
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics), ...resolveHtmlMedia(tokens, origin, input.deckDir))
  const layout = source.template || inferLayout(tokens, chapter.meta.template)
  const finish = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics)
  const data: SlideData = mapHtmlFields(extractSlideData(tokens), finish.html)
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
  if (!source.notes) return { html: '', text: '' }
  const origin: SlideOrigin = { file: chapter.file, markdown: source.notes, markdownLine: source.notesLine }
  const tokens = lexMarkdown(source.notes)
  assets.push(...resolveLinks(tokens, origin, input.deckDir, input.deck.html, diagnostics), ...resolveHtmlMedia(tokens, origin, input.deckDir))
  const html = finisher(hasRawHtml(tokens), origin, input.deck.html, diagnostics).html(renderBlocks(tokens))
  return { html, text: plainText(html) }
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
