// Pure: how a slide's <section> looks on paper, as data for templates/handouts/slide-frame.hbs.
import type { Slide, SlideAttribute } from '../model.js'
import { paperBackground } from './paper-background.js'

/** What slide-frame.hbs shows of the slide's section. */
export interface PaperSection {
  readonly class: string
  readonly layout: string
  readonly index: number
  readonly attributes: readonly SlideAttribute[]
  /** Inline style: the author's, and the background Reveal.js would have drawn in a layer of its own. */
  readonly style: string
  /** A background video, whose first frame the print runtime paints (Reveal plays it on screen). */
  readonly video: string
}

/**
 * The section's attributes as the deck gives them, minus the id (a slide can appear twice).
 * The data-background* attributes stay, so deck.css treats the slide as on screen (its frame
 * lets the background through); the background itself is painted from Slide.background.
 */
export function paperSection(slide: Slide): PaperSection {
  const tone = slide.background?.dark === true ? ['dh-bg-dark'] : slide.background?.dark === false ? ['dh-bg-light'] : []
  const classes = ['dh-slide', `dh-layout-${slide.layout}`, ...tone, 'present']
  const styles: string[] = []
  const attributes: SlideAttribute[] = []
  for (const { name, value } of slide.attributes) {
    const key = name.toLowerCase()
    if (key === 'id') continue
    else if (key === 'class') classes.push(...value.split(/\s+/).filter(Boolean))
    else if (key === 'style') styles.push(value)
    else if (/^(data-|aria-|lang$|dir$|title$)/.test(key)) attributes.push({ name: key, value })
  }
  const background = paperBackground(slide.background, slide.layout)
  if (background) styles.push(background)
  return { class: classes.join(' '), layout: slide.layout, index: slide.index, attributes, style: styles.join(';'), video: slide.background?.video ?? '' }
}
