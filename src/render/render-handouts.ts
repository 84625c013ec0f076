import Handlebars from './handlebars.js'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, HandoutLayout, Paper, RenderedSlide, ThemeStyle } from '../model.js'
import {
  chapterAnchor,
  chapterTitle,
  groupSheets,
  outlineChapters,
  placeHandoutSlides,
  placeSlidePages,
  slideTitle,
} from './handouts/handout-context.js'
import { BOOKMARK_URL } from './handouts/bookmark-marker.js'
import { handoutGeometry, MARGIN_MM } from './handouts/page-geometry.js'

export type PrintProduct = 'slides' | HandoutLayout

export interface HandoutTemplate {
  readonly source: string
  readonly file: string
}

export interface RenderHandoutInput {
  readonly product: PrintProduct
  readonly deck: DeckConfig
  readonly slides: readonly RenderedSlide[]
  readonly chapters: readonly ChapterRef[]
  readonly theme: ThemeStyle
  /** templates/handouts/*.hbs by name: `document`, `cover`, one per product, the rest partials. */
  readonly templates: ReadonlyMap<string, HandoutTemplate>
  /** templates/handouts/handouts.css */
  readonly css: string
  readonly paper: Paper
  readonly fragments: boolean
  /** The deck's stylesheets, relative to the output folder (the document is served from its root). */
  readonly stylesheets: readonly string[]
}

const PRODUCTS: readonly string[] = ['slides', 'notes', '2-up', '3-up', '6-up', 'outline']

const KINDS: Readonly<Record<PrintProduct, string>> = {
  slides: 'Slides',
  notes: 'Slides with speaker notes',
  '2-up': 'Handout · two slides a page',
  '3-up': 'Handout · three slides a page, with room for notes',
  '6-up': 'Handout · six slides a page',
  outline: 'Outline',
}

/** A static, paged HTML document for one print product; printed in a single page.pdf() call. */
export function renderHandout(input: RenderHandoutInput): string {
  const hb = Handlebars.create()
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  for (const [name, template] of input.templates) {
    if (name !== 'document' && !PRODUCTS.includes(name)) hb.registerPartial(name, compile(hb, template))
  }
  const body = run(input.templates, hb, input.product, productContext(input))
  return run(input.templates, hb, 'document', {
    ...sharedContext(input),
    body,
    pageCss: pageCss(input),
    bookmarkUrl: BOOKMARK_URL,
  })
}

function sharedContext(input: RenderHandoutInput): Record<string, unknown> {
  const { deck, theme } = input
  return {
    product: input.product,
    kind: KINDS[input.product],
    handout: input.product !== 'slides',
    title: deck.title,
    deck: { title: deck.title, subtitle: deck.subtitle, author: deck.author, date: deck.date, event: deck.event, lang: deck.lang },
    logo: theme.logo,
    stylesheets: input.stylesheets,
    // Slides on paper take the theme's print palette (a dark theme prints on white); the page
    // around them reads the same palette under its own names, safe from a deck's overrides.
    slidePrintCss: safeStyle(theme.printCss),
    printCss: safeStyle(theme.printCss.replace(/--dh-/g, '--dhp-')),
    css: safeStyle(input.css),
    agenda: input.chapters.map((c) => ({
      number: c.number,
      title: chapterTitle(c),
      subtitle: c.subtitle,
      href: `#${chapterAnchor(c)}`,
      slides:
        input.product === 'outline'
          ? input.slides
              .filter((s) => s.slide.chapter?.number === c.number && !(s.slide.generated && s.slide.layout === 'section'))
              .map((s) => ({ title: slideTitle(s.slide), href: `#${s.slide.id}` }))
          : [],
    })),
  }
}

function productContext(input: RenderHandoutInput): Record<string, unknown> {
  const size = { width: input.theme.width, height: input.theme.height }
  const shared = sharedContext(input)
  if (input.product === 'slides') return { ...shared, pages: placeSlidePages(input.slides, size, input.fragments) }
  const geometry = handoutGeometry(input.product, input.paper, size.width, size.height)
  const placed = input.product === 'outline' ? [] : placeHandoutSlides(input.slides, size, geometry)
  return {
    ...shared,
    geometry,
    slides: placed,
    sheets: geometry.perSheet ? groupSheets(placed, geometry.perSheet).map((slots) => ({ slots })) : [],
    lines: Array.from({ length: geometry.lines }, (_, i) => i),
    linesBelow: Array.from({ length: geometry.linesBelow }, (_, i) => i),
    chapters: input.product === 'outline' ? outlineChapters(input.slides, input.chapters) : [],
  }
}

/** The @page rules: paper size, margins, and the running header and footer as margin boxes. */
function pageCss(input: RenderHandoutInput): string {
  const { width, height } = input.theme
  const slideSize = `:root { --dh-slide-width: ${width}px; --dh-slide-height: ${height}px }`
  if (input.product === 'slides') {
    return `@page { size: ${width}px ${height}px; margin: 0 }\n${slideSize}\n` +
      `:root { --dhp-page-width: ${width}px; --dhp-page-height: ${height}px }`
  }
  const { deck } = input
  const geometry = handoutGeometry(input.product, input.paper, input.theme.width, input.theme.height)
  const right = [deck.event, deck.date].filter(Boolean).join(' · ')
  const box = (content: string): string => `{ content: ${content}; }`
  return [
    slideSize,
    `@page { size: ${input.paper}; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm;`,
    `  @top-left ${box(cssString(deck.title))}`,
    `  @top-right ${box(cssString(right))}`,
    // The brand's footer line (e.g. "Northwind Robotics · Internal") when the theme has one.
    `  @bottom-left ${box(cssString(input.theme.footer || deck.author))}`,
    `  @bottom-right ${box(`"page " counter(page) " of " counter(pages)`)}`,
    '}',
    '@page :first { @top-left { content: none } @top-right { content: none } @bottom-left { content: none } @bottom-right { content: none } }',
    `:root { --dhp-content-width: ${geometry.contentWidth}px; --dhp-content-height: ${geometry.contentHeight}px;` +
      ` --dhp-slot-height: ${geometry.slotHeight}px; --dhp-frame-width: ${geometry.frame.width}px; --dhp-frame-height: ${geometry.frame.height}px }`,
  ].join('\n')
}

/** A CSS string literal; `<` escaped so the text can never close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/[\n\r\f]/g, ' ')}"`
}

function safeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

function compile(hb: typeof Handlebars, template: HandoutTemplate): Handlebars.TemplateDelegate {
  try {
    // compile() is lazy; parse() reports a syntax error now, with its line.
    hb.parse(template.source)
  } catch (cause) {
    const message = (cause as Error).message
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1)
    throw new DeckError(error('template-syntax', `Handout template ${template.file}: ${message}`, { file: template.file, line }), { cause })
  }
  return hb.compile(template.source)
}

function run(templates: ReadonlyMap<string, HandoutTemplate>, hb: typeof Handlebars, name: string, context: unknown): string {
  const template = templates.get(name)
  if (!template) {
    throw new DeckError(
      error('template-not-found', `Handout template "${name}" not found (looked for templates/handouts/${name}.hbs)`),
    )
  }
  try {
    return compile(hb, template)(context)
  } catch (cause) {
    if (cause instanceof DeckError) throw cause
    throw new DeckError(
      error('template-render', `Handout template ${template.file} failed: ${(cause as Error).message}`, { file: template.file, line: 1 }),
      { cause },
    )
  }
}
