// Pure: a slide's own background (Slide.background) as the CSS that paints it on paper. Reveal.js
// draws data-background* in a layer of its own with JavaScript; on paper the section carries the
// same layers in one `background` declaration, so no extra box (and no paint layer) is needed.
import type { SlideBackground } from '../model.js'
import { splitCssList } from '../theme/css-list.js'

/** The custom property the print runtime fills with a background video's first frame. */
export const VIDEO_FRAME_PROPERTY = '--dhp-video-frame'

/**
 * What lies under the slide's own background on screen: the layout's colour for full-bleed
 * layouts (deck.css gives Reveal's background element the same), else the slide colour.
 */
function baseOf(layout: string): string {
  if (layout === 'title' || layout === 'end') return 'var(--dh-title-bg)'
  if (layout === 'section') return 'var(--dh-section-bg)'
  return 'var(--dh-bg)'
}

/**
 * The section's `background` declaration, top layer first: a veil of the slide colour for an
 * opacity under 1 (the same mix as Reveal's translucent layer over it, without a translucent
 * box, which would be one more paint layer on every printed page), the images, a video's
 * first frame, the gradient, the colour, the base. Empty when the slide only sets its tone
 * (Marp's `invert`).
 */
export function paperBackground(background: SlideBackground | undefined, layout: string): string {
  if (!background || !(background.color || background.image || background.gradient || background.video)) return ''
  const layers: string[] = []
  // A layout's colour may be a gradient, which cannot be mixed: a translucent background
  // fades into the slide colour, as it does on screen for every layout but the full-bleed ones.
  const translucent = background.opacity < 1
  const base = translucent ? 'var(--dh-bg)' : baseOf(layout)
  if (translucent) {
    const veil = `color-mix(in srgb, ${base} ${round((1 - background.opacity) * 100)}%, transparent)`
    layers.push(`linear-gradient(${veil}, ${veil})`)
  }
  const images = background.image ? background.image.split(',').map((src) => src.trim()).filter(Boolean) : []
  const sizes = cssList(background.size, 'cover')
  const positions = cssList(background.position, 'center')
  const repeats = cssList(background.repeat, 'no-repeat')
  images.forEach((src, i) => layers.push(`${cssUrl(src)} ${at(positions, i)} / ${at(sizes, i)} ${at(repeats, i)}`))
  // Reveal shows a background video covering the slide (contain when its size says so).
  if (background.video) layers.push(`var(${VIDEO_FRAME_PROPERTY}, none) center / ${sizes[0] === 'contain' ? 'contain' : 'cover'} no-repeat`)
  if (background.gradient && safe(background.gradient)) layers.push(background.gradient)
  if (background.color && safe(background.color)) layers.push(`linear-gradient(${background.color}, ${background.color})`)
  layers.push(base)
  return `background:${layers.join(', ')}`
}

/** The items of a CSS list, or the fallback when the value is empty or could break out of its declaration. */
function cssList(value: string, fallback: string): string[] {
  const items = safe(value) ? splitCssList(value).map((v) => v.trim()).filter(Boolean) : []
  return items.length ? items : [fallback]
}

function at(items: readonly string[], i: number): string {
  return items[i % items.length]!
}

/** A value that stays inside its declaration: no `;`, braces or quotes of its own. */
function safe(value: string): boolean {
  return !/[;{}"'<>\\]/.test(value)
}

function cssUrl(src: string): string {
  return `url("${src.replace(/["\\\n]/g, (c) => (c === '\n' ? '' : `\\${c}`))}")`
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
