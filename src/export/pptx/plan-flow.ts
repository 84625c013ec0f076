// Pure: any run of slide blocks laid out top to bottom in a region: text blocks share one text
// box, and code, tables, pictures and columns get shapes of their own. Text shrinks (to 60%)
// until everything fits; what still does not is reported at its Markdown line.
import type { ContentBlock, ImageRef } from '../../model.js'
import type { Palette } from '../../theme/theme-kit.js'
import { SLOT } from './design.js'
import { fitFactor, scaleParagraphs, textHeight } from './measure-text.js'
import { codeHeight, codeSizeForWidth, planCode } from './plan-code.js'
import type { Box, FigureSize, PlanRun, PlanShape } from './slide-plan.js'
import { BODY_STYLE, isTextBlock, planRuns, textParagraphs, type TextStyle } from './text-blocks.js'

export interface FlowContext {
  readonly colours: Palette
  readonly style?: TextStyle
  /** Size of code on this layout (the code layout uses larger type for short blocks). */
  readonly codeSize?: (block: Extract<ContentBlock, { kind: 'code' }>) => number
  /** Rules between columns (the two-column layout draws them). */
  readonly dividers?: boolean
  /** A lone text group fills the layout's body placeholder. */
  readonly placeholder?: boolean
  /** Each picture gets its title or alt text beneath it (the image layout's figcaption). */
  readonly captions?: boolean
  /** Take only the height the content needs instead of filling the region. */
  readonly natural?: boolean
  /** Code panels take the spare height, as on the code layout. */
  readonly growCode?: boolean
  /** Each diagram's and display formula's number among the slide's and its size as drawn, if it was. */
  readonly figures?: ReadonlyMap<ContentBlock, FigurePlace>
}

export interface FigurePlace {
  readonly index: number
  readonly size?: FigureSize
}

export interface FlowResult {
  readonly shapes: PlanShape[]
  /** Blocks only handouts show (`:::handout`): the caller puts them into the notes. */
  readonly handout: ContentBlock[]
  /** Where the placed content ends, and the height it needs at full size. */
  readonly bottom: number
  readonly height: number
  /** The first block that runs past the region even at the smallest text, if any. */
  readonly overflow?: ContentBlock
}

type Item =
  | { kind: 'text'; blocks: ContentBlock[] }
  | { kind: 'code'; block: Extract<ContentBlock, { kind: 'code' }> }
  | { kind: 'table'; block: Extract<ContentBlock, { kind: 'table' }> }
  | { kind: 'images'; images: ImageRef[]; line: number }
  | { kind: 'figure'; block: Extract<ContentBlock, { kind: 'figure' }> }
  | { kind: 'columns'; block: Extract<ContentBlock, { kind: 'columns' }>; columns: Item[][] }

const GAP = 20
const MIN_IMAGE = 150

/** Blocks as layout items; `:::slides` blocks show inline, `:::handout` blocks go to `handout`. */
function itemsOf(blocks: readonly ContentBlock[], handout: ContentBlock[]): Item[] {
  const items: Item[] = []
  const last = (): Item | undefined => items[items.length - 1]
  for (const block of blocks) {
    const prev = last()
    if (block.kind === 'container') {
      if (block.name === 'handout') handout.push(block)
      else items.push(...itemsOf(block.blocks, handout))
    } else if (isTextBlock(block)) {
      if (prev?.kind === 'text') prev.blocks.push(block)
      else items.push({ kind: 'text', blocks: [block] })
    } else if (block.kind === 'image') {
      if (prev?.kind === 'images') prev.images.push(block.image)
      else items.push({ kind: 'images', images: [block.image], line: block.line })
    } else if (block.kind === 'code' || block.kind === 'table') items.push({ kind: block.kind, block } as Item)
    else if (block.kind === 'figure') items.push({ kind: 'figure', block })
    else if (block.kind === 'columns') items.push({ kind: 'columns', block, columns: block.columns.map((c) => itemsOf(c, handout)) })
  }
  return items
}

const columnGap = (n: number): number => (n <= 2 ? 48 : n === 3 ? 36 : 28)

function columnBoxes(box: Box, n: number): Box[] {
  const gap = columnGap(n)
  const w = (box.w - gap * (n - 1)) / n
  return Array.from({ length: n }, (_, i) => ({ x: box.x + i * (w + gap), y: box.y, w, h: box.h }))
}

/** Lays `blocks` out in `region`. */
export function planFlow(blocks: readonly ContentBlock[], region: Box, ctx: FlowContext): FlowResult {
  const handout: ContentBlock[] = []
  const items = itemsOf(blocks, handout)
  const style = ctx.style ?? BODY_STYLE
  const paragraphsOf = (item: Extract<Item, { kind: 'text' }>, f: number) => scaleParagraphs(item.blocks.flatMap((b) => textParagraphs(b, style)), f)
  const tableSize = style.size * 0.82
  const codeSize = (item: Extract<Item, { kind: 'code' }>, width: number, f: number): number =>
    codeSizeForWidth(item.block.code, (ctx.codeSize?.(item.block) ?? style.size * 0.72) * f, width)

  const height = (item: Item, width: number, f: number): number => {
    switch (item.kind) {
      case 'text':
        return textHeight(paragraphsOf(item, f), width)
      case 'code':
        return codeHeight(item.block.code, codeSize(item, width, f))
      case 'table':
        return (item.block.rows.length + 1) * (tableSize * f * 1.3 + 16)
      case 'images':
        return MIN_IMAGE
      case 'figure':
        return figureHeight(item.block, ctx.figures?.get(item.block)?.size, width, f)
      case 'columns': {
        const boxes = columnBoxes({ ...region, w: width }, item.columns.length)
        return Math.max(0, ...item.columns.map((col, i) => stackHeight(col, boxes[i]!.w, f)))
      }
    }
  }
  const stackHeight = (list: readonly Item[], width: number, f: number): number =>
    list.reduce((sum, item, i) => sum + height(item, width, f) + (i > 0 ? GAP * f : 0), 0)

  const fit = fitFactor((f) => stackHeight(items, region.w, f), region.h)
  const f = fit.factor
  const grows = (item: Item): boolean => item.kind === 'images' || (item.kind === 'figure' && item.block.of === 'diagram') || (item.kind === 'code' && !!ctx.growCode)
  const flexible = (list: readonly Item[]): number => list.filter(grows).length
  const shapes: PlanShape[] = []
  let overflow: ContentBlock | undefined

  const place = (list: readonly Item[], box: Box): number => {
    const spare = ctx.natural ? 0 : Math.max(0, box.h - stackHeight(list, box.w, f))
    const grow = flexible(list) ? spare / flexible(list) : 0
    let y = box.y
    list.forEach((item, i) => {
      if (i > 0) y += GAP * f
      const h = height(item, box.w, f) + (grows(item) ? grow : 0)
      const at: Box = { x: box.x, y, w: box.w, h: list.length === 1 && item.kind === 'text' && !ctx.natural ? Math.max(h, box.h) : h }
      if (y + h > region.y + region.h + 1 && !overflow) overflow = blockOf(item)
      placeItem(item, at)
      y += h
    })
    return y
  }
  const placeItem = (item: Item, box: Box): void => {
    switch (item.kind) {
      case 'text': {
        const placeholder = ctx.placeholder && items.length === 1 ? { placeholder: 'body' as const } : {}
        shapes.push({ kind: 'text', box, paragraphs: paragraphsOf(item, f), ...placeholder, shrink: true })
        return
      }
      case 'code':
        shapes.push(...planCode(item.block.code, box, codeSize(item, box.w, f), ctx.colours))
        return
      case 'table':
        shapes.push(tableShape(item.block, box, tableSize * f, style))
        return
      case 'images': {
        const boxes = columnBoxes(box, item.images.length)
        item.images.forEach((image, i) => {
          const frame = boxes[i]!
          const caption = ctx.captions ? image.title || image.alt : ''
          const captionH = caption ? Math.min(60, 18 * 1.35 * Math.ceil((caption.length * 18 * 0.53) / frame.w) + 14) : 0
          shapes.push({ kind: 'image', box: { ...frame, h: frame.h - captionH }, src: image.src, alt: image.alt, line: item.line })
          if (caption) {
            const paragraph = { runs: [{ text: caption }], size: 18, font: 'body' as const, colour: SLOT.muted, align: 'center' as const, lineHeight: 1.35 }
            shapes.push({ kind: 'text', box: { ...frame, y: frame.y + frame.h - captionH + 14, h: captionH - 14 }, paragraphs: [paragraph], name: 'Caption' })
          }
        })
        return
      }
      case 'figure':
        shapes.push({ kind: 'figure', box, of: item.block.of, figure: ctx.figures?.get(item.block)?.index ?? -1, text: item.block.text, line: item.block.line })
        return
      case 'columns': {
        const boxes = columnBoxes(box, item.columns.length)
        item.columns.forEach((col, i) => place(col, boxes[i]!))
        if (ctx.dividers) {
          for (const b of boxes.slice(1)) {
            const x = b.x - columnGap(item.columns.length) / 2
            shapes.push({ kind: 'line', box: { x, y: box.y, w: 0, h: box.h }, colour: SLOT.rule, width: 2 })
          }
        }
        return
      }
    }
  }
  const bottom = place(items, region)
  if (!fit.fits && !overflow) overflow = items.length ? blockOf(items[items.length - 1]!) : undefined
  return { shapes, handout, bottom, height: stackHeight(items, region.w, 1), ...(overflow && { overflow }) }
}

function blockOf(item: Item): ContentBlock {
  if (item.kind === 'text') return item.blocks[0]!
  if (item.kind === 'images') return { kind: 'image', line: item.line, image: item.images[0]! }
  return item.block
}

/**
 * A diagram takes the spare height (its picture is fitted in, at most at its size); a formula
 * its own height as drawn, shrunk with the text and to the width, or a line of text when it
 * was not drawn.
 */
function figureHeight(block: Extract<ContentBlock, { kind: 'figure' }>, size: FigureSize | undefined, width: number, f: number): number {
  if (block.of === 'diagram') return MIN_IMAGE
  if (!size) return 60 * f
  return size.h * Math.min(f, width / size.w)
}

function tableShape(block: Extract<ContentBlock, { kind: 'table' }>, box: Box, size: number, style: TextStyle): PlanShape {
  const runs = (cell: Parameters<typeof planRuns>[0]): PlanRun[] => planRuns(cell, { heading: style.heading, size })
  return {
    kind: 'table',
    box,
    header: block.header.map(runs),
    rows: block.rows.map((row) => row.map(runs)),
    align: block.align.map((a) => a || 'left'),
    size,
  }
}
