// What one PowerPoint slide holds, as plain data: boxes in the deck's design pixels (the
// 1280x720 frame the layouts are drawn for), text as styled paragraphs. Planned without
// pptxgenjs, so the layout can be tested as data and the writer only translates.
import type { Diagnostic } from '../../diagnostics/diagnostic.js'

/**
 * A diagram or display formula as the browser drew it on the slide: which one (its kind, and its
 * label or TeX, as the slide's blocks name it) and its size in design pixels (0 when not shown).
 */
export interface FigureSize {
  readonly of: 'diagram' | 'formula'
  readonly text: string
  readonly w: number
  readonly h: number
}

/** Each slide's drawn figures by slide number, in the slide's order. */
export type FigureSizes = ReadonlyMap<number, readonly FigureSize[]>

/** Where a shape sits, in design pixels from the slide's top-left corner. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/**
 * A colour: one of the deck theme's slots (so restyling the PowerPoint theme restyles the
 * deck) or an RGB hex value without `#`.
 */
export type Colour = 'tx1' | 'tx2' | 'bg1' | 'bg2' | 'accent1' | 'accent2' | 'accent3' | 'accent4' | 'accent5' | 'accent6' | string

export type FontRole = 'heading' | 'body' | 'code'

export interface PlanRun {
  readonly text: string
  readonly bold?: boolean
  readonly italic?: boolean
  readonly strike?: boolean
  readonly code?: boolean
  /** Raised or lowered (a formula's scripts). */
  readonly script?: 'super' | 'sub'
  readonly href?: string
  /** 1-based number of the slide an internal link points to. */
  readonly slide?: number
  readonly colour?: Colour
  /** Text size in design pixels; absent: the paragraph's. */
  readonly size?: number
  readonly font?: FontRole
}

export interface PlanParagraph {
  readonly runs: readonly PlanRun[]
  /** Text size in design pixels. */
  readonly size: number
  readonly font: FontRole
  readonly colour: Colour
  readonly bold?: boolean
  readonly italic?: boolean
  /** `start`: the number an ordered list's run of items at this level begins with. */
  readonly bullet?: { readonly type: 'bullet' | 'number'; readonly level: number; readonly start: number }
  readonly align?: 'left' | 'center' | 'right'
  /** Space above the paragraph, in design pixels. */
  readonly spaceBefore?: number
  readonly lineHeight?: number
  readonly letterSpacing?: number
  readonly upper?: boolean
}

export type PlanShape =
  | {
      readonly kind: 'text'
      readonly box: Box
      readonly paragraphs: readonly PlanParagraph[]
      /** Fills the layout's placeholder of this type (title placeholders make the outline view). */
      readonly placeholder?: 'title' | 'body'
      readonly valign?: 'top' | 'middle' | 'bottom'
      readonly fill?: Colour
      /** Inner margin in design pixels (0 unless set). */
      readonly inset?: number
      /** Let PowerPoint shrink the text when an edit makes it overflow. */
      readonly shrink?: boolean
      readonly name?: string
    }
  | { readonly kind: 'rect'; readonly box: Box; readonly fill: Colour; readonly radius?: number; readonly line?: Colour; readonly name?: string }
  | { readonly kind: 'ellipse'; readonly box: Box; readonly fill: Colour; readonly line: Colour; readonly lineWidth: number }
  | { readonly kind: 'line'; readonly box: Box; readonly colour: Colour; readonly width: number }
  | {
      readonly kind: 'image'
      /** The frame the picture is fitted into, keeping its proportions. */
      readonly box: Box
      /** Path in the output folder. */
      readonly src: string
      readonly alt: string
      /** The Markdown line that named the image, for errors. */
      readonly line: number
    }
  | {
      readonly kind: 'figure'
      /** The frame the picture is fitted into, at most at its size on the slide. */
      readonly box: Box
      readonly of: 'diagram' | 'formula'
      /** Which of the slide's drawn figures it is, counted from 0 in the slide's order; -1: none drawn. */
      readonly figure: number
      /** The diagram's label or the formula's TeX: the picture's description, and shown instead when it could not be taken. */
      readonly text: string
      readonly line: number
    }
  | {
      readonly kind: 'table'
      readonly box: Box
      readonly header: readonly (readonly PlanRun[])[]
      readonly rows: readonly (readonly (readonly PlanRun[])[])[]
      readonly align: readonly ('left' | 'center' | 'right')[]
      readonly size: number
    }

/** The PowerPoint layouts the deck's master holds (see pptx-masters). */
export type MasterName = 'title' | 'section' | 'content' | 'titleOnly' | 'blank' | 'end'

export interface SlidePlan {
  readonly master: MasterName
  /** The title placeholder's text: every slide has one, for the outline and for screen readers. */
  readonly title: string
  readonly shapes: readonly PlanShape[]
  /** Speaker notes as paragraphs (plain text with bullets marked). */
  readonly notes: readonly string[]
  /** A slide background other than the layout's: an RGB colour or an image in the output folder. */
  readonly background?: { readonly colour: string } | { readonly image: string }
  readonly diagnostics: readonly Diagnostic[]
}
