// Pure: a Slidev slide's front matter (layout, class, background, image, transition) -> the
// deckhand layout and slide attributes closest to it.
import { warning, type Diagnostic, type SourceSpan } from '../../../diagnostics/diagnostic.js'
import { isColor } from '../../../theme/theme-schema.js'
import { mapTransition } from '../map-foreign-names.js'
import type { SlidePreset } from '../raw-slide.js'

/** Slidev's built-in layouts and the deckhand layout (and class) each becomes; '' = inferred. */
const LAYOUTS: Readonly<Record<string, { template: string; class?: string }>> = {
  default: { template: '' }, none: { template: '' }, full: { template: '' }, image: { template: '' },
  cover: { template: 'title' }, intro: { template: 'title' },
  center: { template: '', class: 'dh-center' },
  section: { template: 'section' }, fact: { template: 'section', class: 'dh-fact' }, statement: { template: 'section', class: 'dh-statement' },
  'two-cols': { template: 'two-column' }, 'two-cols-header': { template: 'two-column' },
  'image-left': { template: 'split' }, 'image-right': { template: 'split' },
  quote: { template: 'quote' }, end: { template: 'end' },
}

/** Keys of a slide's front matter this module reads (the rest, if any, are warned about once a chapter). */
export const SLIDE_KEYS = new Set(['layout', 'class', 'background', 'image', 'transition', 'hide', 'disabled', 'src', 'title', 'level', 'layoutClass', 'backgroundSize'])

export function slidevPreset(front: Readonly<Record<string, unknown>>, span: SourceSpan, diagnostics: Diagnostic[]): Pick<SlidePreset, 'template' | 'templateSpan' | 'attributes' | 'extras'> {
  const layout = typeof front.layout === 'string' ? front.layout : ''
  const mapped = LAYOUTS[layout]
  if (layout && !mapped) {
    diagnostics.push(warning('foreign-syntax', `Slidev layout "${layout}" has no counterpart here; the slide's layout is inferred`, span, 'deckhand layouts are templates/slides/<name>.hbs; name one with `<!-- template: name -->`.'))
  }
  const classes = [mapped?.class ?? '', typeof front.class === 'string' ? front.class : ''].join(' ').split(/\s+/).filter((c) => /^[\w-]+$/.test(c))
  const attrs: string[] = []
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`)
  const transition = mapTransition(front.transition)
  if (transition) attrs.push(`data-transition="${transition}"`)
  const image = typeof front.image === 'string' ? front.image : ''
  const background = typeof front.background === 'string' ? front.background : layout === 'image' ? image : ''
  attrs.push(...backgroundAttributes(background))
  const side = layout === 'image-left' ? 'left' : layout === 'image-right' ? 'right' : ''
  return {
    ...(mapped?.template && { template: mapped.template, templateSpan: span }),
    attributes: attrs.join(' '),
    extras: { ...(side && image && { split: { src: publicPath(image), alt: '', side, width: '50%', fit: 'cover' } }) },
  }
}

function backgroundAttributes(value: string): string[] {
  const v = value.trim()
  if (!v || /["<>]/.test(v)) return []
  if (isColor(v)) return [`data-background-color="${v}"`]
  if (/gradient\(/i.test(v)) return [`data-background-gradient="${v}"`]
  return [`data-background-image="${publicPath(v)}"`, 'data-background-size="cover"']
}

/** Slidev serves `/name.png` from the deck's `public/` folder. */
function publicPath(src: string): string {
  return src.startsWith('/') && !src.startsWith('//') ? `public${src}` : src
}
