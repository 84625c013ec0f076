// I/O: the pictures of every slide's Mermaid diagrams and display formulas, taken in one browser
// with one page from the slides print document (so they have the deck's stylesheets and fonts
// and look as on the slide), each with its size on the slide; the editable PowerPoint places them.
import createDebug from 'debug'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { withSlidesPage, type CaptureOptions } from './capture-slides.js'
import { DESIGN_WIDTH } from './pptx/design.js'
import type { FigureSize } from './pptx/slide-plan.js'

/**
 * One diagram's or formula's picture: which it is, a PNG at twice its size, and that size in
 * design pixels; a figure not shown (zero size) has no PNG. A PNG, not the diagram's SVG:
 * Mermaid's SVG takes its colours and fonts from the page's CSS variables, so outside the page
 * (LibreOffice, librsvg) it draws as black boxes.
 */
export interface FigurePicture extends FigureSize {
  readonly png?: Buffer
}

/** The figures of each slide (by slide number), in the slide's order. */
export type SlideFigures = ReadonlyMap<number, readonly FigurePicture[]>

// A diagram's figure (with its caption, as on the slide) and a display formula of its own (the
// block the build wraps it in), not the formulas inline in a sentence or those in the notes.
const FIGURES = 'figure.dh-diagram, div.dh-math'
const SCALE = 2
const debug = createDebug('deck:pptx')

export async function captureFigures(built: BuiltDeck, options: Omit<CaptureOptions, 'scale' | 'fragments'> = {}): Promise<{ figures: SlideFigures; diagnostics: Diagnostic[] }> {
  return withSlidesPage(built, options, async ({ page, step, viewport, diagnostics }) => {
    await page.setViewport({ ...viewport, deviceScaleFactor: SCALE })
    const started = Date.now()
    // Each figure's slide, found in one call (one call per slide or per figure costs seconds at 200 slides).
    const slides = await page.evaluate((selector) => {
      const found = [...document.querySelectorAll(`.dhp-page section[data-index] :is(${selector})`)].filter((el) => !el.closest('aside.notes'))
      found.forEach((el, i) => el.setAttribute('data-dhp-figure', String(i)))
      return found.map((el) => Number(el.closest('section[data-index]')!.getAttribute('data-index')))
    }, FIGURES)
    const elements = await page.$$('[data-dhp-figure]')
    const figures = new Map<number, FigurePicture[]>()
    for (const [i, element] of elements.entries()) {
      const slide = slides[i]!
      const list = figures.get(slide) ?? []
      figures.set(slide, list)
      step(`taking the picture of a diagram or formula on slide ${slide}`)
      const ink = await element.evaluate(inkBox)
      if (ink.w < 1 || ink.h < 1) {
        list.push({ of: ink.of, text: ink.text, w: 0, h: 0 })
        continue
      }
      const clip = { x: Math.floor(ink.x), y: Math.floor(ink.y), width: Math.ceil(ink.w) + 1, height: Math.ceil(ink.h) + 1 }
      const png = Buffer.from(await page.screenshot({ type: 'png', clip, omitBackground: true, captureBeyondViewport: false }))
      const ratio = DESIGN_WIDTH / (ink.frame || viewport.width)
      list.push({ of: ink.of, text: ink.text, png, w: clip.width * ratio, h: clip.height * ratio })
    }
    debug('%d figures photographed in %d ms', elements.length, Date.now() - started)
    return { figures, diagnostics }
  })
}

/**
 * In the page: the box a figure's ink covers, in document pixels, with the width of its slide's
 * frame (a print page scaled to fit still gives the size on the slide). The slide's frame is
 * scrolled to the top of the viewport first, as for the slide pictures. KaTeX's wrappers (and a
 * diagram's figure) are as wide as the column, so the box is the union of what draws: the SVG
 * and caption of a diagram, the glyph boxes of a formula.
 */
function inkBox(el: Element): { of: 'diagram' | 'formula'; text: string; x: number; y: number; w: number; h: number; frame: number } {
  // Named as the slide's blocks name it: a diagram by its label, a formula by its TeX.
  const of = el.matches('figure') ? 'diagram' : 'formula'
  const text = (of === 'diagram' ? el.querySelector('[aria-label]')?.getAttribute('aria-label') : el.querySelector('annotation[encoding="application/x-tex"]')?.textContent?.trim()) ?? ''
  const frame = el.closest('.dhp-page') ?? document.body
  window.scrollTo(0, frame.getBoundingClientRect().top + window.scrollY)
  // The slide's background stays in the picture (the PowerPoint slide has the same colour): left
  // out, Mermaid's half-transparent label boxes show as boxes of another shade.
  const full = el.getBoundingClientRect().width
  const rects: DOMRect[] = []
  const textRects = (node: Node): void => {
    const range = document.createRange()
    range.selectNodeContents(node)
    rects.push(...range.getClientRects())
  }
  const svg = el.matches('figure') ? el.querySelector('svg') : null
  if (el.matches('figure') && !svg) return { of, text, x: 0, y: 0, w: 0, h: 0, frame: 0 } // not drawn: its label stands in
  if (svg) {
    rects.push(svg.getBoundingClientRect())
    for (const caption of el.querySelectorAll('figcaption')) textRects(caption)
  } else {
    const html = el.querySelector('.katex-html') ?? el
    textRects(html)
    // Fraction bars, roots and other rules are boxes without text.
    for (const part of html.querySelectorAll('.frac-line, .hide-tail, svg')) rects.push(part.getBoundingClientRect())
  }
  const seen = rects.filter((r) => r.width > 0 && r.height > 0 && (svg || r.width < full - 1))
  if (!seen.length) return { of, text, x: 0, y: 0, w: 0, h: 0, frame: 0 }
  const left = Math.min(...seen.map((r) => r.left))
  const top = Math.min(...seen.map((r) => r.top))
  const right = Math.max(...seen.map((r) => r.right))
  const bottom = Math.max(...seen.map((r) => r.bottom))
  const pad = 2 // anti-aliased edges and italic overhang
  return {
    of,
    text,
    x: left - pad + window.scrollX,
    y: top - pad + window.scrollY,
    w: right - left + 2 * pad,
    h: bottom - top + 2 * pad,
    frame: frame.getBoundingClientRect().width,
  }
}
