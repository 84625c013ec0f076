// Pure: each slide through its layout's template, then the slides grouped into Reveal's stacks.
import { escapeHtml } from '../html/html-text.js'
import { error, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, RenderedSlide, Slide, ThemeStyle } from '../model.js'
import { compileTemplate, type Partials } from './compile-template.js'
import type { TemplateFile, TemplateSet } from './load-templates.js'

/** What a slide template needs besides the slide itself. */
export interface SlideContext {
  readonly deck: DeckConfig
  readonly theme: ThemeView
  readonly chapters: readonly ChapterRef[]
  readonly total: number
}

/** The theme as templates see it: no CSS, which reaches slides only through custom properties. */
export type ThemeView = Pick<ThemeStyle, 'name' | 'logo' | 'footer' | 'width' | 'height'>

export interface RenderFailure {
  readonly diagnostic: Diagnostic
  readonly cause?: unknown
}

/** Renders every slide; a missing layout or a throwing template is a failure, and the rest go on. */
export function renderSlides(
  templates: TemplateSet,
  partials: Partials,
  slides: readonly Slide[],
  context: SlideContext,
): { rendered: RenderedSlide[]; failures: RenderFailure[] } {
  const rendered: RenderedSlide[] = []
  const failures: RenderFailure[] = []
  for (const slide of slides) {
    const template = templates.slides.get(slide.layout)
    if (!template) {
      failures.push({ diagnostic: layoutNotFound(slide, templates) })
      continue
    }
    try {
      rendered.push({ slide, html: compileTemplate(template.source)(slideData(slide, context), { partials }) })
    } catch (cause) {
      failures.push({ diagnostic: renderFailed(slide, template, cause), cause })
    }
  }
  return { rendered, failures }
}

/** The data a slide template receives: SlideData fields at the top level and under `data`. */
function slideData(slide: Slide, context: SlideContext): Record<string, unknown> {
  return {
    ...slide.data,
    data: slide.data,
    slide,
    notes: slide.notesHtml,
    deck: context.deck,
    chapter: slide.chapter,
    chapters: context.chapters,
    theme: context.theme,
    number: slide.index,
    total: context.total,
  }
}

function layoutNotFound(slide: Slide, templates: TemplateSet): Diagnostic {
  const where = `${slide.span.file}:${slide.span.line}`
  const available = [...templates.slides.keys()].sort().join(', ') || 'none'
  return error(
    'template-not-found',
    `Layout "${slide.layout}" not found (slide at ${where}); available: ${available}`,
    slide.span,
    `slide layouts are templates/slides/<name>.hbs; looked in: ${templates.searched.join(', ')}`,
  )
}

function renderFailed(slide: Slide, template: TemplateFile, cause: unknown): Diagnostic {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return error(
    'template-render',
    `Template ${template.file} failed on the slide at ${slide.span.file}:${slide.span.line}: ${reason.split('\n')[0]}`,
    slide.span,
    `check ${template.file}`,
  )
}

/** Groups slides into Reveal's markup: a slide with newStack=false stacks under the one before. */
export function stackSlides(rendered: readonly RenderedSlide[]): string {
  const stacks: RenderedSlide[][] = []
  for (const r of rendered) {
    const current = stacks[stacks.length - 1]
    if (current && !r.slide.newStack) current.push(r)
    else stacks.push([r])
  }
  return stacks
    .map((stack) => (stack.length === 1 ? sectionOf(stack[0]!) : `<section class="dh-stack">\n${stack.map(sectionOf).join('\n')}\n</section>`))
    .join('\n')
}

function sectionOf({ slide, html }: RenderedSlide): string {
  const { classes, rest } = splitAttributes(slide.attributes)
  const tone = slide.background?.dark === true ? ['dh-bg-dark'] : slide.background?.dark === false ? ['dh-bg-light'] : []
  const classList = ['dh-slide', `dh-layout-${slide.layout}`, ...tone, ...classes].map(escapeHtml).join(' ')
  const attrs = [
    `id="${escapeHtml(slide.id)}"`,
    `class="${classList}"`,
    `data-layout="${escapeHtml(slide.layout)}"`,
    `data-index="${slide.index}"`,
    // Reveal puts a slide's data-state on its viewport while it shows, so the slide number and
    // controls (outside the slide) can take the colours of full-bleed title and section slides.
    /(^|\s)data-state\s*=/.test(rest) ? '' : `data-state="${viewportStates(slide)}"`,
    rest,
  ].filter(Boolean)
  const notes = slide.notesHtml.trim() ? `\n<aside class="notes">${slide.notesHtml}</aside>` : ''
  return `<section ${attrs.join(' ')}>\n${html.trim()}${notes}\n</section>`
}

/** `dh-on-<layout>`, and `dh-no-number` for a slide that shows no page number (Marp without `paginate`). */
function viewportStates(slide: Slide): string {
  return [`dh-on-${escapeHtml(slide.layout)}`, ...(slide.showNumber === false ? ['dh-no-number'] : [])].join(' ')
}

const CLASS_ATTR = /(^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
const ID_ATTR = /(^|\s)id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/i

/**
 * Takes `class` out of the author's attributes so it merges with ours (a second class attribute
 * would be ignored), and drops `id`: the slide's id is already Slide.id, which agenda links use.
 */
export function splitAttributes(attributes: string): { classes: string[]; rest: string } {
  const match = CLASS_ATTR.exec(attributes)
  const classes = (match?.[2] ?? match?.[3] ?? match?.[4] ?? '').split(/\s+/).filter(Boolean)
  const rest = attributes.replace(CLASS_ATTR, '$1').replace(ID_ATTR, '$1').trim()
  return { classes, rest }
}
