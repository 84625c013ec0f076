// Pure: a built deck -> the static, paged HTML document of one print product, rendered through
// the one template engine (templates/handouts/: `document`, one template per product, and the
// pieces they include, besides every partial and helper a slide template has).
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, HandoutLayout, Paper, RenderedSlide, ThemeStyle } from '../model.js'
import { printPartials, type TemplateFile, type TemplateSet } from '../render/load-templates.js'
import { compilePartials, runTemplate, type Partials } from '../render/template-engine.js'
import { positionTargets } from '../slides/map-position-links.js'
import { handoutGeometry, MARGIN_MM } from './page-geometry.js'
import { chapterAnchor, chapterTitle, groupSheets, outlineChapters, placeHandoutSlides, placeSlidePages, slideTitle } from './place-slides.js'

export type PrintProduct = 'slides' | HandoutLayout

export interface PrintDocumentInput {
  readonly product: PrintProduct
  readonly deck: DeckConfig
  readonly slides: readonly RenderedSlide[]
  readonly chapters: readonly ChapterRef[]
  readonly theme: ThemeStyle
  readonly templates: TemplateSet
  readonly paper: Paper
  readonly fragments: boolean
  /** The deck's stylesheets, relative to the output folder (the document is served from its root). */
  readonly stylesheets: readonly string[]
}

/** A static, paged HTML document for one print product; printed in a single page.pdf() call. */
export function renderPrintDocument(all: PrintDocumentInput, partials: Partials = compilePartials(printPartials(all.templates))): string {
  // Reveal.js leaves hidden slides out of the deck (data-visibility="hidden"): paper does too,
  // and numbers the others as Reveal's counter and the speaker view do, without the gaps.
  const shown = all.slides.filter((s) => !s.slide.hidden)
  const input = { ...all, slides: shown.length === all.slides.length ? shown : shown.map((s, i) => ({ ...s, slide: { ...s.slide, index: i + 1 } })) }
  const shared = sharedContext(input)
  const body = runTemplate(printTemplate(input.templates, input.product), productContext(input, shared), partials)
  return runTemplate(printTemplate(input.templates, 'document'), { ...shared, body }, partials)
}

function printTemplate(templates: TemplateSet, name: string): TemplateFile {
  const template = templates.handouts.get(name)
  if (template) return template
  throw new DeckError(error('template-not-found', `Print layout "${name}" not found`, undefined, `print layouts are templates/handouts/<name>.hbs; looked in: ${templates.searched.join(', ')}`))
}

function sharedContext(input: PrintDocumentInput): Record<string, unknown> {
  const { deck, theme, product } = input
  const handout = product !== 'slides'
  return {
    product,
    handout,
    title: deck.title,
    deck: { title: deck.title, subtitle: deck.subtitle, author: deck.author, date: deck.date, event: deck.event, lang: deck.lang },
    logo: theme.logo,
    theme: { name: theme.name, logo: theme.logo, footer: theme.footer, width: theme.width, height: theme.height },
    stylesheets: input.stylesheets,
    // Reveal's position links (#/, #/2/1) -> #id, for the print runtime: paper has no positions.
    positionsJson: safeJson(Object.fromEntries(positionTargets(input.slides.map((s) => ({ id: s.slide.id, newStack: s.slide.newStack, hidden: false })), 'reveal'))),
    // Slides on paper take the theme's print palette (a dark theme prints on white); the page
    // around them reads the same palette under its own names, safe from a deck's overrides.
    slidePrintCss: safeStyle(theme.printCss),
    printCss: safeStyle(theme.printCss.replace(/--dh-/g, '--dhp-')),
    css: safeStyle(input.templates.handoutStyles.map((f) => f.source).join('\n')),
    // For page-css.hbs: the page box and the running header and footer.
    slide: { width: theme.width, height: theme.height },
    paper: input.paper,
    margin: MARGIN_MM,
    ...(handout && { geometry: handoutGeometry(product, input.paper, theme.width, theme.height) }),
    agenda: input.chapters.map((c) => ({
      number: c.number,
      title: chapterTitle(c),
      subtitle: c.subtitle,
      href: `#${chapterAnchor(c)}`,
      slides:
        product === 'outline'
          ? input.slides
              .filter((s) => s.slide.chapter?.number === c.number && !(s.slide.generated && s.slide.layout === 'section'))
              .map((s) => ({ title: slideTitle(s.slide), href: `#${s.slide.id}` }))
          : [],
    })),
  }
}

function productContext(input: PrintDocumentInput, shared: Record<string, unknown>): Record<string, unknown> {
  const size = { width: input.theme.width, height: input.theme.height }
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

/** JSON for a <script> element: `<` never closes it. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

function safeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}
