// Pure: how a slide's <section> looks on paper, as data for templates/handouts/slide-frame.hbs.
import type { Slide, SlideAttribute } from '../model.js'

/** What slide-frame.hbs shows of the slide's section. */
export interface PaperSection {
  readonly class: string
  readonly layout: string
  readonly index: number
  readonly attributes: readonly SlideAttribute[]
  /** Inline style: the author's, and backgrounds Reveal.js would have drawn in a layer of its own. */
  readonly style: string
}

/** The section's attributes as the deck gives them, minus the id (a slide can appear twice). */
export function paperSection(slide: Slide): PaperSection {
  const classes = ['dh-slide', `dh-layout-${slide.layout}`, 'present']
  const styles: string[] = []
  const attributes: SlideAttribute[] = []
  for (const { name, value } of slide.attributes) {
    const key = name.toLowerCase()
    if (key === 'id') continue
    else if (key === 'class') classes.push(...value.split(/\s+/).filter(Boolean))
    else if (key === 'style') styles.push(value)
    // Reveal.js paints backgrounds in a layer of its own; on paper the section carries them.
    else if (key.startsWith('data-background')) styles.push(...backgroundStyle(key, value))
    else if (/^(data-|aria-|lang$|dir$|title$)/.test(key)) attributes.push({ name: key, value })
  }
  return { class: classes.join(' '), layout: slide.layout, index: slide.index, attributes, style: styles.join(';') }
}

/** Reveal.js draws data-background* with JavaScript; on paper, CSS on the section does it. */
function backgroundStyle(name: string, value: string): string[] {
  const url = (v: string): string => `url("${v.replace(/["\\]/g, '\\$&')}")`
  switch (name) {
    case 'data-background-color':
      return [`background-color:${value}`]
    case 'data-background-image':
      return [`background-image:${url(value)}`, 'background-size:cover', 'background-position:center']
    case 'data-background-size':
      return [`background-size:${value}`]
    case 'data-background-position':
      return [`background-position:${value}`]
    case 'data-background':
      return /^(#|rgb|hsl|[a-z]+$)/i.test(value)
        ? [`background-color:${value}`]
        : [`background-image:${url(value)}`, 'background-size:cover', 'background-position:center']
    default:
      return []
  }
}
