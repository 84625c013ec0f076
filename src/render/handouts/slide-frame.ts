import type { Slide } from '../../model.js'
import { escapeHtml } from '../../html/html-text.js'
import type { FrameSize } from './page-geometry.js'

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

export interface SlideSize {
  readonly width: number
  readonly height: number
}

/**
 * A slide as it looks on paper: the slide's own HTML in a canvas at the slide's size,
 * scaled down with CSS zoom inside a fixed-size frame, so text stays vector and selectable.
 * Zoom, not a transform: a transformed box is a paint layer, and Chromium visits every layer
 * of the document on each page it prints, which made a 1,000-slide handout twice as slow.
 */
export function renderSlideFrame(slide: Slide, innerHtml: string, frame: FrameSize, size: SlideSize): string {
  const zoom = frame.scale === 1 ? '' : `;zoom:${frame.scale}`
  return (
    `<div class="dhp-frame" style="width:${frame.width}px;height:${frame.height}px">` +
    `<div class="reveal dhp-canvas" style="width:${size.width}px;height:${size.height}px${zoom}">` +
    `<div class="slides"><section${sectionAttributesOf(slide)}>${innerHtml}</section></div></div></div>`
  )
}

/** The section's attributes as the deck gives them, minus the id (a slide can appear twice). */
function sectionAttributesOf(slide: Slide): string {
  const classes = ['dh-slide', `dh-layout-${slide.layout}`, 'present']
  const styles: string[] = []
  let rest = ''
  for (const match of slide.attributes.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase()
    const value = match[2] ?? match[3] ?? match[4] ?? ''
    if (name === 'id') continue
    else if (name === 'class') classes.push(...value.split(/\s+/).filter(Boolean))
    else if (name === 'style') styles.push(value)
    // Reveal.js paints backgrounds in a layer of its own; on paper the section carries them.
    else if (name.startsWith('data-background')) styles.push(...backgroundStyle(name, value))
    else if (/^(data-|aria-|lang$|dir$|title$)/.test(name)) rest += ` ${name}="${escapeHtml(value)}"`
  }
  const style = styles.length ? ` style="${escapeHtml(styles.join(';'))}"` : ''
  return ` class="${escapeHtml(classes.join(' '))}" data-layout="${escapeHtml(slide.layout)}" data-index="${slide.index}"${rest}${style}`
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

/**
 * Slide HTML made fit for paper: Reveal.js hash links (`#/slide-id`) point at the slide's
 * anchor in the print document, and lazily loaded images load before printing.
 */
export function prepareSlideHtml(html: string, knownIds: ReadonlySet<string>): string {
  return html
    .replace(/(\shref\s*=\s*["'])#\/([^"'/]+)\/?(["'])/g, (m, lead: string, id: string, end: string) =>
      knownIds.has(id) ? `${lead}#${id}${end}` : m,
    )
    .replace(/\sloading\s*=\s*["']?lazy["']?/gi, '')
}
