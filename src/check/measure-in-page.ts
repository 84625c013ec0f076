// Runs inside the browser (serialised by page.evaluate): shows one slide and measures it.
// Everything it needs is defined inside the function, since it cannot see this module's scope.
import type { ClipMeasurement, ImageMeasurement, SlideMeasurement } from './deck-measurements.js'

interface RevealApi {
  getSlides(): HTMLElement[]
  getIndices(slide?: HTMLElement): { h: number; v?: number }
  slide(h: number, v?: number, f?: number): void
  getScale(): number
  getConfig(): { width: number; height: number }
}

/** Shows slide `index` (in Reveal's order) and returns what check needs to judge it (glyphs apart, see measure-glyphs-in-page). */
export async function measureSlideInPage(index: number): Promise<Omit<SlideMeasurement, 'glyphs'>> {
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal
  const slide = reveal.getSlides()[index]!
  const { h, v = 0 } = reveal.getIndices(slide)
  reveal.slide(h, v)
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  await document.fonts.ready
  const images = [...slide.querySelectorAll('img')].filter((img) => !inNotes(img))
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
  const scale = reveal.getScale() || 1
  const config = reveal.getConfig()
  const frame = (document.querySelector('.reveal .slides') as HTMLElement).getBoundingClientRect()
  const textNodes = collectText(slide)
  const { overflow, clipped } = measureLayout(slide, textNodes, frame, scale)
  return {
    id: slide.id,
    h,
    v,
    frameWidth: config.width,
    frameHeight: config.height,
    overflow,
    clipped,
    images: images.map((img) => measureImage(img, scale)),
    links: [...slide.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
  }

  /** Speaker notes, and the MathML copy KaTeX keeps for screen readers in a 1 px clipped box. */
  function inNotes(node: Node): boolean {
    return !!(node instanceof Element ? node : node.parentElement)?.closest('aside.notes, .katex-mathml')
  }

  function inMathml(node: Node): boolean {
    return !!node.parentElement?.closest('.katex-mathml')
  }

  function collectText(root: Element): Text[] {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim() && !inMathml(node)) nodes.push(node as Text)
    return nodes
  }

  /** The union of everything visible (text, replaced elements, boxes that paint) against the frame. */
  function measureLayout(root: Element, text: readonly Text[], frameRect: DOMRect, by: number): Pick<SlideMeasurement, 'overflow' | 'clipped'> {
    const box = { top: Infinity, right: -Infinity, bottom: -Infinity, left: Infinity }
    const add = (r: DOMRect): void => {
      if (r.width <= 0 || r.height <= 0) return
      box.top = Math.min(box.top, r.top)
      box.left = Math.min(box.left, r.left)
      box.bottom = Math.max(box.bottom, r.bottom)
      box.right = Math.max(box.right, r.right)
    }
    const range = document.createRange()
    for (const node of text) {
      if (inNotes(node)) continue
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) add(r)
    }
    const clipped: ClipMeasurement[] = []
    const clippers: Element[] = []
    for (const el of root.querySelectorAll('*')) {
      if (inNotes(el)) continue
      const style = getComputedStyle(el)
      if (style.display === 'none') continue
      const rect = el.getBoundingClientRect()
      const replaced = /^(IMG|SVG|VIDEO|CANVAS|IFRAME|PRE|TABLE|HR)$/i.test(el.tagName)
      const paints =
        !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(style.backgroundColor) ||
        style.backgroundImage !== 'none' ||
        parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth) > 0
      // Full-frame boxes (backgrounds, layout wrappers) are the frame, not content.
      const fullFrame = rect.width >= frameRect.width - 1 && rect.height >= frameRect.height - 1
      if (replaced || (paints && !fullFrame)) add(rect)
      const hidden = Math.max(
        /^(hidden|auto|scroll|clip)$/.test(style.overflowY) ? el.scrollHeight - el.clientHeight : 0,
        /^(hidden|auto|scroll|clip)$/.test(style.overflowX) ? el.scrollWidth - el.clientWidth : 0,
      )
      if (hidden > 2 && !clippers.some((c) => c.contains(el))) {
        clippers.push(el)
        clipped.push({ element: el.tagName.toLowerCase() + (el.classList[0] ? `.${el.classList[0]}` : ''), hidden })
      }
    }
    const past = (n: number): number => Math.max(0, n / by)
    const overflow =
      box.top === Infinity
        ? { top: 0, right: 0, bottom: 0, left: 0 }
        : { top: past(frameRect.top - box.top), right: past(box.right - frameRect.right), bottom: past(box.bottom - frameRect.bottom), left: past(frameRect.left - box.left) }
    return { overflow, clipped }
  }

  function measureImage(img: HTMLImageElement, by: number): ImageMeasurement {
    const r = img.getBoundingClientRect()
    const src = img.getAttribute('src') ?? ''
    return {
      src,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      shownWidth: r.width / by,
      shownHeight: r.height / by,
      loaded: img.complete && img.naturalWidth > 0,
      vector: /\.svgz?([?#]|$)/i.test(src) || src.startsWith('data:image/svg'),
    }
  }
}
