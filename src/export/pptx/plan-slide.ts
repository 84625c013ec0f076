// Pure: each built slide -> its PowerPoint plan, by the slide's layout: openers (title,
// section, end, quote, agenda), grids (cards, timeline) and a heading over flowing content
// for everything else. Fragments are shown in their final state. Content a layout could not
// place is reported at its Markdown line, never dropped silently.
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js'
import type { ChapterRef, ContentBlock, DeckConfig, Slide, ThemeBrand } from '../../model.js'
import { blocksToText } from '../blocks-text.js'
import { DESIGN_HEIGHT, SIZE, hex } from './design.js'
import { CONTENT_WIDTH, planHeader } from './plan-header.js'
import { codeLayoutSize } from './plan-code.js'
import { planFlow, type FigurePlace, type FlowContext } from './plan-flow.js'
import { planCards, planTimeline, splitSections } from './plan-grids.js'
import { planAgenda, planQuote, planSection, planTitle } from './plan-openers.js'
import type { Box, FigureSize, FigureSizes, MasterName, PlanShape, SlidePlan } from './slide-plan.js'
import { BODY_STYLE } from './text-blocks.js'

export interface PlanDeckInput {
  readonly deck: DeckConfig
  readonly slides: readonly Slide[]
  readonly chapters: readonly ChapterRef[]
  readonly brand: ThemeBrand
  /** The diagrams and display formulas as the browser drew them (absent: the deck has none). */
  readonly figures?: FigureSizes
}

export function planSlides(input: PlanDeckInput): SlidePlan[] {
  const numbers = new Map(input.slides.map((s) => [s.id, s.index]))
  return input.slides.map((slide) => planSlide(slide, input, (id) => numbers.get(id)))
}

/** Whether any slide shows a diagram or a display formula (the PowerPoint then needs their pictures). */
export function hasFigures(slides: readonly Slide[]): boolean {
  let found = false
  for (const slide of slides) visit(slide.data.blocks ?? [], (b) => (found ||= b.kind === 'figure'))
  return found
}

interface Planned {
  master: MasterName
  shapes: PlanShape[]
  used: Set<ContentBlock>
  handout: ContentBlock[]
  overflow: ContentBlock[]
}

function planSlide(slide: Slide, input: PlanDeckInput, slideNumber: (id: string) => number | undefined): SlidePlan {
  const diagnostics: Diagnostic[] = []
  const at = (line: number) => ({ file: slide.span.file, line })
  const planned = planByLayout(slide, input, slideNumber)
  const blocks = slide.data.blocks ?? []
  for (const block of blocks) {
    if (!planned.used.has(block)) diagnostics.push(warning('export-not-placed', `The PowerPoint's ${slide.layout} layout has no place for this ${describe(block)}; it is left out of slide ${slide.index}`, at(block.line), 'Move it to a slide of its own or use the content layout.'))
  }
  visit(blocks, (block) => {
    if (block.kind === 'html') diagnostics.push(warning('export-not-placed', `Raw HTML on slide ${slide.index} is kept in the PowerPoint as its text only`, at(block.line)))
  })
  for (const block of planned.overflow) {
    diagnostics.push(warning('export-overflow', `Slide ${slide.index} holds more than fits on a PowerPoint slide at 60% text size; text from here on runs past the bottom`, at(block.line), 'Split the slide, or shorten it.'))
  }
  const background = slideBackground(slide, diagnostics)
  const handout = blocksToText(planned.handout)
  return {
    master: planned.master,
    title: slide.data.title || (slide.layout === 'title' ? input.deck.title : ''),
    shapes: planned.shapes,
    notes: [...blocksToText(slide.notesBlocks ?? []), ...(handout.length ? ['Handout:', ...handout] : [])],
    ...(background && { background }),
    diagnostics,
  }
}

function planByLayout(slide: Slide, input: PlanDeckInput, slideNumber: (id: string) => number | undefined): Planned {
  const blocks = slide.data.blocks ?? []
  const colours = input.brand.colors
  const base = { handout: [] as ContentBlock[], overflow: [] as ContentBlock[] }
  const opened = (master: MasterName, o: { shapes: PlanShape[]; used: ReadonlySet<ContentBlock> }): Planned => ({ master, shapes: o.shapes, used: new Set(o.used), ...base })
  switch (slide.layout) {
    case 'title':
    case 'end':
      return opened(slide.layout, planTitle(slide, input.deck, input.brand, slide.layout === 'end'))
    case 'section':
      return opened('section', planSection(slide, input.brand))
    case 'agenda':
      if (slide.generated) return opened('titleOnly', planAgenda(slide, input.chapters, slideNumber))
      break
    case 'quote':
      if (blocks.some((b) => b.kind === 'quote')) return opened('blank', planQuote(slide))
      break
  }
  const head = planHeader(slide.data.title, slide.chapter)
  const region: Box = { x: SIZE.marginX, y: head.bottom, w: CONTENT_WIDTH, h: DESIGN_HEIGHT - SIZE.marginBottom - head.bottom }
  const ctx: FlowContext = {
    colours,
    figures: figurePlaces(blocks, input.figures?.get(slide.index) ?? []),
    ...(slide.layout === 'code' && { codeSize: (b: Extract<ContentBlock, { kind: 'code' }>) => codeLayoutSize(b.code), growCode: true }),
    // The two-column layout sets its columns in the slide's base size, not the body's.
    ...(slide.layout === 'two-column' && { dividers: true, style: { ...BODY_STYLE, size: 26 } }),
    ...(slide.layout === 'image' && { captions: true }),
    ...(!['code', 'two-column', 'image', 'cards', 'timeline'].includes(slide.layout) && { placeholder: true }),
  }
  if (slide.layout === 'cards' || slide.layout === 'timeline') {
    const grid = planGrid(slide.layout, blocks, region, ctx)
    if (grid) return { master: 'titleOnly', shapes: [...head.shapes, ...grid.shapes], used: grid.used, handout: grid.handout, overflow: grid.overflow }
  }
  const flow = planFlow(blocks, region, ctx)
  const alone = flow.shapes.length === 1 && flow.shapes[0]!.kind === 'text' && flow.shapes[0]!.placeholder === 'body'
  return { master: alone ? 'content' : 'titleOnly', shapes: [...head.shapes, ...flow.shapes], used: new Set(blocks), handout: flow.handout, overflow: flow.overflow ? [flow.overflow] : [] }
}

/** Cards or timeline with what stands before them above and what follows below, each flowing at its natural height. */
function planGrid(layout: 'cards' | 'timeline', blocks: readonly ContentBlock[], region: Box, ctx: FlowContext) {
  let before: ContentBlock[]
  let after: ContentBlock[] = []
  let grid: (box: Box) => ReturnType<typeof planCards>
  if (layout === 'cards') {
    const split = splitSections(blocks)
    if (split.sections.length === 0) return undefined
    before = split.before
    grid = (box) => planCards(split.sections, box)
  } else {
    const index = blocks.findIndex((b) => b.kind === 'list')
    if (index < 0) return undefined
    before = blocks.slice(0, index)
    after = blocks.slice(index + 1)
    grid = (box) => planTimeline(blocks[index] as Extract<ContentBlock, { kind: 'list' }>, box)
  }
  const top = planFlow(before, region, { ...ctx, natural: true })
  const below = planFlow(after, { ...region, h: 0 }, { ...ctx, natural: true })
  const start = before.length ? top.bottom + 22 : region.y
  const main = grid({ ...region, y: start, h: region.y + region.h - start - (after.length ? below.height + 22 : 0) })
  const rest = planFlow(after, { ...region, y: main.bottom + 22, h: region.y + region.h - main.bottom - 22 }, { ...ctx, natural: true })
  const overflow = [...(top.overflow ? [top.overflow] : []), ...(!main.fits ? [[...main.used][0]!] : []), ...(rest.overflow ? [rest.overflow] : [])]
  return { shapes: [...top.shapes, ...main.shapes, ...rest.shapes], used: new Set([...blocks]), handout: [...top.handout, ...rest.handout], overflow }
}

function describe(block: ContentBlock): string {
  return block.kind === 'html' ? 'raw HTML' : block.kind === 'figure' ? block.of : block.kind
}

/**
 * Each diagram and display formula matched, in the slide's order, with the figure drawn for it:
 * the next of the same kind and label or TeX (a formula in a list item, say, is drawn but stays
 * text in the blocks, so counting alone could hand out the wrong picture).
 */
function figurePlaces(blocks: readonly ContentBlock[], drawn: readonly FigureSize[]): Map<ContentBlock, FigurePlace> {
  const places = new Map<ContentBlock, FigurePlace>()
  const taken = new Set<number>()
  visit(blocks, (b) => {
    if (b.kind !== 'figure') return
    const index = drawn.findIndex((d, i) => !taken.has(i) && d.of === b.of && d.text === b.text)
    taken.add(index)
    const size = drawn[index]
    places.set(b, { index, ...(size && size.w > 0 && size.h > 0 && { size }) })
  })
  return places
}

function visit(blocks: readonly ContentBlock[], fn: (b: ContentBlock) => void): void {
  for (const block of blocks) {
    fn(block)
    if (block.kind === 'quote' || block.kind === 'container') visit(block.blocks, fn)
    if (block.kind === 'columns') block.columns.forEach((c) => visit(c, fn))
  }
}

/** `data-background-color` or a colour or local image in `data-background(-image)`; video and iframe backgrounds are reported. */
function slideBackground(slide: Slide, diagnostics: Diagnostic[]): SlidePlan['background'] | undefined {
  let found: SlidePlan['background'] | undefined
  for (const { name, value } of slide.attributes) {
    if (name === 'data-background-color' || name === 'data-background') {
      const colour = hex(value)
      if (colour) found = { colour }
      else if (name === 'data-background' && /^media\//.test(value)) found = { image: value }
    } else if (name === 'data-background-image' && /^media\//.test(value)) found = { image: value }
    else if (/^data-background-(video|iframe)$/.test(name)) {
      diagnostics.push(warning('export-not-placed', `Slide ${slide.index}'s ${name.slice(16)} background cannot play in the PowerPoint; the slide keeps its layout's background`, slide.span))
    }
  }
  return found
}
