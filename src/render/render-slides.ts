// Pure: each slide through its layout's template, then the slides grouped into Reveal's stacks.
import { DeckError, error, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, RenderedSlide, Slide, SlideAttribute, ThemeStyle } from '../model.js'
import type { TemplateSet } from './load-templates.js'
import { compileTemplate, runTemplate, templateFailed, type Partials } from './template-engine.js'

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
      rendered.push({ slide, html: compileTemplate(template.source, {}, template.precompiled)(slideData(slide, context), { partials }) })
    } catch (cause) {
      failures.push({ diagnostic: templateFailed(template, cause, { what: 'rendering the slide', span: slide.span }), cause })
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

/** At the line that named the layout; a chapter's `template:` is told which slide it failed for. */
function layoutNotFound(slide: Slide, templates: TemplateSet): Diagnostic {
  const available = [...templates.slides.keys()].sort().join(', ') || 'none'
  const named = slide.layoutSpan
  const fromChapter = named !== undefined && named.line < slide.span.line
  return {
    ...error(
      'template-not-found',
      `Layout "${slide.layout}" not found; available: ${available}`,
      named ?? slide.span,
      `slide layouts are templates/slides/<name>.hbs; looked in: ${templates.searched.join(', ')}`,
    ),
    ...(fromChapter && { via: { what: 'the slide that uses it', span: slide.span } }),
  }
}

/** Reveal.js's markup of the slides, through templates/partials/slide-stacks.hbs. */
export function stackSlides(rendered: readonly RenderedSlide[], templates: TemplateSet, partials: Partials): string {
  const stacks: { stacked: boolean; slides: SectionView[] }[] = []
  for (const r of rendered) {
    const current = stacks[stacks.length - 1]
    if (current && !r.slide.newStack) {
      current.stacked = true
      current.slides.push(sectionView(r))
    } else stacks.push({ stacked: false, slides: [sectionView(r)] })
  }
  const template = templates.partials.get('slide-stacks')
  if (!template) throw new DeckError(error('template-not-found', 'The partial slide-stacks.hbs was not found', undefined, `looked in: ${templates.searched.join(', ')}`))
  return runTemplate(template, { stacks }, partials)
}

/** What templates/partials/slide-section.hbs shows of a slide. */
interface SectionView {
  readonly id: string
  readonly class: string
  readonly layout: string
  readonly index: number
  readonly state: string
  /** The author's `.slide:` attributes but class (merged into ours) and id (the slide's id is Slide.id, which links use). */
  readonly attributes: readonly SlideAttribute[]
  readonly html: string
  readonly notes: string
}

function sectionView({ slide, html }: RenderedSlide): SectionView {
  const own = slide.attributes.find((a) => a.name === 'class')?.value.split(/\s+/).filter(Boolean) ?? []
  const tone = slide.background?.dark === true ? ['dh-bg-dark'] : slide.background?.dark === false ? ['dh-bg-light'] : []
  return {
    id: slide.id,
    class: ['dh-slide', `dh-layout-${slide.layout}`, ...tone, ...own].join(' '),
    layout: slide.layout,
    index: slide.index,
    // Reveal puts a slide's data-state on its viewport while it shows, so the slide number and
    // controls (outside the slide) can take the colours of full-bleed title and section slides.
    state: slide.attributes.some((a) => a.name === 'data-state') ? '' : viewportStates(slide),
    attributes: slide.attributes.filter((a) => a.name !== 'class' && a.name !== 'id'),
    html: html.trim(),
    notes: slide.notesHtml.trim() ? slide.notesHtml : '',
  }
}

/** `dh-on-<layout>`, and `dh-no-number` for a slide that shows no page number (Marp without `paginate`). */
function viewportStates(slide: Slide): string {
  return [`dh-on-${slide.layout}`, ...(slide.showNumber === false ? ['dh-no-number'] : [])].join(' ')
}
