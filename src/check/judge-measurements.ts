// Pure: browser measurements of a built deck -> located diagnostics (overflow, images, links, glyphs).
import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { Slide } from '../model.js'
import type { DeckMeasurements, SlideMeasurement } from './deck-measurements.js'
import { find } from '../slides/locate-in-source.js'

export interface JudgeInput {
  readonly measurements: DeckMeasurements
  /** The slides, whose links and Markdown point at the line of an image, a link or a character. */
  readonly slides: readonly Slide[]
  /** Paths of every file in the output folder, relative to it, with "/" separators. */
  readonly outputFiles: ReadonlySet<string>
}

/** Content may reach this far past the frame (anti-aliasing, italic overhang) before it counts. */
export const OVERFLOW_TOLERANCE_PX = 2
/** An image counts as oversized when it is this many times larger than shown, in both directions. */
export const OVERSIZE_FACTOR = 2

export function judgeMeasurements(input: JudgeInput): Diagnostic[] {
  const byId = new Map(input.slides.map((s) => [s.id, s]))
  const positions = new Set(input.measurements.slides.map((m) => `${m.h}/${m.v}`))
  const ids = new Set(input.measurements.ids)
  const diagnostics: Diagnostic[] = []
  for (const m of input.measurements.slides) {
    const slide = byId.get(m.id)
    const at = (needle?: string): SourceSpan | undefined => (slide ? locateInSlide(slide, needle) : undefined)
    diagnostics.push(...judgeOverflow(m, at()))
    for (const clip of m.clipped) {
      if (clip.hidden > OVERFLOW_TOLERANCE_PX) {
        diagnostics.push(warning('slide-overflow', `Content of a ${clip.element} is cut or scrolls by ${Math.round(clip.hidden)} px`, at(), 'It will not show in print; shorten it or split the slide.'))
      }
    }
    for (const image of m.images) diagnostics.push(...judgeImage(image, (slide && linkSpan(slide, 'image', image.src)) ?? at(fileName(image.src))))
    for (const href of m.links) {
      const problem = brokenLink(href, { ids, positions, outputFiles: input.outputFiles })
      if (problem) diagnostics.push(error('link-broken', `Link "${href}" ${problem}`, (slide && linkSpan(slide, 'link', href)) ?? at(href) ?? at(), 'Local links are relative to index.html in the output folder; #/id names a slide.'))
    }
    for (const c of m.contrast ?? []) {
      diagnostics.push(warning('background-contrast', `"${c.text}" reaches a contrast of ${c.ratio}:1 over the slide's background picture, under the ${c.needed}:1 text needs`, at(c.text.slice(0, 30)) ?? at(), 'Darken or lighten the picture (data-background-opacity), or set the slide\'s text colour.'))
    }
    for (const glyph of m.glyphs) {
      const chars = [...glyph.chars].map(describeChar).join(', ')
      diagnostics.push(
        glyph.tofu
          ? error('glyph-missing', `No font has ${chars}: it shows as empty boxes (font-family: ${glyph.fontFamily})`, at(firstChar(glyph.chars)) ?? at(), 'Add a font that covers this script to the theme (fonts.fallback in theme.yml).')
          : warning('glyph-missing', `The theme's fonts lack ${chars}; a system font stands in (font-family: ${glyph.fontFamily})`, at(firstChar(glyph.chars)) ?? at(), 'Other machines and printers may show boxes; add a font that covers it to the theme.'),
      )
    }
  }
  return diagnostics
}

function judgeOverflow(m: SlideMeasurement, span: SourceSpan | undefined): Diagnostic[] {
  const sides = (['bottom', 'right', 'top', 'left'] as const).filter((side) => m.overflow[side] > OVERFLOW_TOLERANCE_PX)
  if (sides.length === 0) return []
  const parts = sides.map((side) => {
    const px = Math.round(m.overflow[side])
    const of = side === 'top' || side === 'bottom' ? m.frameHeight : m.frameWidth
    return `${px} px at the ${side} (${Math.round((px / of) * 100)}% of the slide's ${of} px ${side === 'top' || side === 'bottom' ? 'height' : 'width'})`
  })
  return [error('slide-overflow', `Slide content overflows the slide frame by ${parts.join(' and ')}`, span, 'Shorten the slide, split it with ---, or use a denser template.')]
}

function judgeImage(image: DeckMeasurements['slides'][number]['images'][number], span: SourceSpan | undefined): Diagnostic[] {
  if (!image.loaded) return [error('image-broken', `Image "${image.src}" does not load`, span)]
  if (image.vector || image.shownWidth <= 0 || image.shownHeight <= 0) return []
  const fx = image.naturalWidth / image.shownWidth
  const fy = image.naturalHeight / image.shownHeight
  if (fx < OVERSIZE_FACTOR || fy < OVERSIZE_FACTOR) return []
  return [
    warning(
      'image-oversized',
      `Image "${image.src}" is ${image.naturalWidth}x${image.naturalHeight} px but shown at ${Math.round(image.shownWidth)}x${Math.round(image.shownHeight)} (${Math.min(fx, fy).toFixed(1)}x larger than needed)`,
      span,
      `Resize it to about ${Math.round(image.shownWidth * 2)} px wide (2x for sharp screens) to keep the deck and its PDFs small.`,
    ),
  ]
}

interface LinkTargets {
  readonly ids: ReadonlySet<string>
  /** `h/v` of every slide. */
  readonly positions: ReadonlySet<string>
  readonly outputFiles: ReadonlySet<string>
}

/** Why a link goes nowhere, or undefined when it is fine (or external, which is not checked). */
export function brokenLink(href: string, targets: LinkTargets): string | undefined {
  const value = href.trim()
  if (value === '' || value === '#' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return undefined
  if (value.startsWith('#/')) return brokenSlideRoute(value.slice(2), targets)
  if (value.startsWith('#')) return targets.ids.has(safeDecode(value.slice(1))) ? undefined : 'names no element or slide in the deck'
  const pathPart = value.replace(/[?#].*$/s, '')
  const segments: string[] = []
  for (const segment of safeDecode(pathPart).split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (segments.pop() === undefined) return 'points outside the output folder'
    } else segments.push(segment)
  }
  const file = segments.join('/')
  if (pathPart.endsWith('/') || file === '') return targets.outputFiles.has(file ? `${file}/index.html` : 'index.html') ? undefined : 'names a missing file'
  return targets.outputFiles.has(file) ? undefined : `names a missing file (${file} is not in the output folder)`
}

/** Reveal's hash routes: `#/` (the first slide), `#/slide-id`, `#/slide-id/2` (fragment) or `#/h`, `#/h/v`. */
function brokenSlideRoute(route: string, targets: LinkTargets): string | undefined {
  if (route === '') return undefined
  const [first = '', second] = route.split('/')
  if (/^\d+$/.test(first)) {
    const v = second !== undefined && /^\d+$/.test(second) ? Number(second) : 0
    return targets.positions.has(`${Number(first)}/${v}`) ? undefined : `names slide position ${first}/${v}, which the deck does not have`
  }
  return targets.ids.has(safeDecode(first)) ? undefined : `names no slide: there is no slide with id "${safeDecode(first)}"`
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Where the slide wrote a link or image, from the slide's own data. */
function linkSpan(slide: Slide, kind: 'link' | 'image', href: string): SourceSpan | undefined {
  return slide.links.find((l) => l.kind === kind && (l.href === href || safeDecode(l.href) === safeDecode(href)))?.span
}

/** The line of the slide's Markdown that holds `needle`; the slide's own span without one (or for generated slides). */
function locateInSlide(slide: Slide, needle?: string): SourceSpan {
  if (!needle || slide.generated) return slide.span
  return find(slide.source, needle) ?? slide.span
}

function fileName(src: string): string {
  return safeDecode(src.replace(/[?#].*$/s, '')).split('/').pop() ?? src
}

function firstChar(chars: string): string {
  return [...chars][0] ?? ''
}

export function describeChar(char: string): string {
  const cp = char.codePointAt(0) ?? 0
  return `"${char}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`
}
