// What the browser measures on each slide of a built deck (plain data, see measure-deck.ts).

export interface ImageMeasurement {
  /** The src attribute as written in the HTML. */
  readonly src: string
  readonly naturalWidth: number
  readonly naturalHeight: number
  /** Size on the slide, in slide pixels (unscaled). */
  readonly shownWidth: number
  readonly shownHeight: number
  /** False when the image failed to load. */
  readonly loaded: boolean
  /** SVG scales without loss, so its natural size says nothing about waste. */
  readonly vector: boolean
}

export interface GlyphMeasurement {
  /** The characters concerned, each once. */
  readonly chars: string
  /** The element's font-family stack as computed. */
  readonly fontFamily: string
  /** None of the page's fonts, the system's included, has them: they render as empty boxes. */
  readonly tofu: boolean
}

export interface ClipMeasurement {
  /** `pre`, `div.dh-card`…: what the author can recognise. */
  readonly element: string
  /** Content hidden (scrolled or cut) by the element's own box, in slide pixels. */
  readonly hidden: number
}

/** Text over the slide's background picture that does not reach the contrast it needs. */
export interface ContrastMeasurement {
  /** The element's text (its start), to find its line. */
  readonly text: string
  /** The contrast that 80% of the pixels behind it reach, and the one it needs (4.5, or 3 for large text). */
  readonly ratio: number
  readonly needed: number
}

export interface SlideMeasurement {
  readonly id: string
  /** Reveal's indices: horizontal and vertical position. */
  readonly h: number
  readonly v: number
  readonly frameWidth: number
  readonly frameHeight: number
  /** How far visible content reaches past each edge of the frame, in slide pixels (0 = inside). */
  readonly overflow: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number }
  readonly clipped: readonly ClipMeasurement[]
  readonly images: readonly ImageMeasurement[]
  /** href attributes of the slide's links, as written. */
  readonly links: readonly string[]
  readonly glyphs: readonly GlyphMeasurement[]
  /** Only for slides with a background picture: the text it leaves hard to read. */
  readonly contrast?: readonly ContrastMeasurement[]
}

export interface DeckMeasurements {
  readonly slides: readonly SlideMeasurement[]
  /** Every element id in the document, for `#id` links. */
  readonly ids: readonly string[]
}
