import type { Slide } from '../../model.js'
import type { FrameSize } from './page-geometry.js'

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g

export interface SlideSize {
  readonly width: number
  readonly height: number
}

/**
 * A slide as it looks on paper: the slide's own HTML in a canvas at the slide's size,
 * scaled down with a CSS transform inside a fixed-size frame, so text stays vector and
 * selectable. Hidden from the accessibility tree so that headings inside slides do not
 * become PDF bookmarks; the print templates add the bookmark headings themselves.
 */
export function renderSlideFrame(slide: Slide, innerHtml: string, frame: FrameSize, size: SlideSize): string {
  const { sectionAttributes, background } = sectionAttributesOf(slide)
  return (
    `<div class="dhp-frame" aria-hidden="true" style="width:${frame.width}px;height:${frame.height}px">` +
    // At full size (slides.pdf) there is nothing to scale: no transform for Chromium to carry.
    `<div class="reveal dhp-canvas" style="width:${size.width}px;height:${size.height}px${frame.scale === 1 ? '' : `;transform:scale(${frame.scale})`}">` +
    (background ? `<div class="dhp-slide-background" style="${background}"></div>` : '') +
    `<div class="slides"><section${sectionAttributes}>${innerHtml}</section></div></div></div>`
  )
}

/** The section's attributes as the deck gives them, minus the id (a slide can appear twice). */
function sectionAttributesOf(slide: Slide): { sectionAttributes: string; background: string } {
  const classes = ['dh-slide', `dh-layout-${slide.layout}`, 'present']
  const styles: string[] = []
  const background: string[] = []
  let rest = ''
  for (const match of slide.attributes.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase()
    const value = match[2] ?? match[3] ?? match[4] ?? ''
    if (name === 'id') continue
    else if (name === 'class') classes.push(...value.split(/\s+/).filter(Boolean))
    else if (name === 'style') styles.push(value)
    else if (name.startsWith('data-background')) background.push(...backgroundStyle(name, value))
    else if (/^(data-|aria-|lang$|dir$|title$)/.test(name)) rest += ` ${name}="${escapeAttribute(value)}"`
  }
  const style = styles.length ? ` style="${escapeAttribute(styles.join(';'))}"` : ''
  return {
    sectionAttributes: ` class="${escapeAttribute(classes.join(' '))}" data-layout="${escapeAttribute(slide.layout)}"${rest}${style}`,
    background: escapeAttribute(background.join(';')),
  }
}

/** Reveal.js draws data-background* with JavaScript; on paper, CSS does it. */
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

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
