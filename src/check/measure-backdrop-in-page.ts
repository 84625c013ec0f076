// Runs inside the browser (serialised by page.evaluate): how readable the text of a slide is
// over its background picture. measure-deck shows the picture alone (showBackdropOnly), takes a
// screenshot, and hands it to measureBackdropContrastInPage, which reads the pixels behind each
// line of text. Everything each function needs is defined inside it.
import type { ContrastMeasurement } from './deck-measurements.js'

/** Hides (or shows again) the slides over Reveal's backgrounds, once the present background's pictures are in. */
export async function showBackdropOnly(hide: boolean): Promise<void> {
  const slides = document.querySelector('.reveal .slides') as HTMLElement
  slides.style.visibility = hide ? 'hidden' : ''
  if (!hide) return
  const layer = document.querySelector('.reveal .backgrounds .slide-background.present .slide-background-content')
  const urls = layer ? [...getComputedStyle(layer).backgroundImage.matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]!) : []
  await Promise.all(urls.map((src) => Object.assign(new Image(), { src }).decode().catch(() => undefined)))
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
}

/**
 * For each element of slide `id` that writes text straight onto the background (no box of its
 * own paints behind it), the contrast of its colour against the screenshot's pixels behind it:
 * the ratio that 80% of those pixels reach, so a busy picture counts by its harder parts.
 * Only the elements under the needed ratio (4.5:1, or 3:1 for large text) come back.
 */
export async function measureBackdropContrastInPage(input: { id: string; shot: string }): Promise<ContrastMeasurement[]> {
  const slide = document.getElementById(input.id)
  if (!slide) return []
  const image = new Image()
  image.src = `data:image/png;base64,${input.shot}`
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = image.naturalWidth
  canvas.height = image.naturalHeight
  const context = canvas.getContext('2d', { willReadFrequently: true })!
  context.drawImage(image, 0, 0)
  const ratio = canvas.width / window.innerWidth
  const found: ContrastMeasurement[] = []
  const range = document.createRange()
  for (const el of new Set([...textNodes(slide)].map((t) => t.parentElement!))) {
    if (paintsBehind(el, slide)) continue
    const style = getComputedStyle(el)
    const text = luminance(style.color)
    if (text === undefined) continue
    const size = parseFloat(style.fontSize)
    const needed = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700) ? 3 : 4.5
    const ratios: number[] = []
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.nodeValue?.trim()) continue
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) ratios.push(...sample(r).map((l) => contrast(text, l)))
    }
    if (ratios.length === 0) continue
    ratios.sort((a, b) => a - b)
    const reached = ratios[Math.floor(ratios.length * 0.2)]!
    if (reached < needed) found.push({ text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60), ratio: Math.round(reached * 10) / 10, needed })
  }
  return found

  function textNodes(root: Element): Text[] {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (node.nodeValue?.trim() && parent && !parent.closest('aside.notes, .katex-mathml') && parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) nodes.push(node as Text)
    }
    return nodes
  }

  /** A box between the element and the slide that paints a colour or picture: the text reads on that, not on the background. */
  function paintsBehind(el: Element, root: Element): boolean {
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
      const style = getComputedStyle(at)
      if (style.backgroundImage !== 'none' || !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(style.backgroundColor)) return true
    }
    return false
  }

  /** Luminances of a grid of pixels inside the rectangle (at most 12 x 4). */
  function sample(r: DOMRect): number[] {
    const out: number[] = []
    if (r.width < 1 || r.height < 1) return out
    const data = context.getImageData(Math.max(0, Math.floor(r.left * ratio)), Math.max(0, Math.floor(r.top * ratio)), Math.max(1, Math.ceil(r.width * ratio)), Math.max(1, Math.ceil(r.height * ratio)))
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 12; x++) {
        const px = Math.min(data.width - 1, Math.floor(((x + 0.5) / 12) * data.width))
        const py = Math.min(data.height - 1, Math.floor(((y + 0.5) / 4) * data.height))
        const i = (py * data.width + px) * 4
        out.push(relative(data.data[i]!, data.data[i + 1]!, data.data[i + 2]!))
      }
    }
    return out
  }

  /** `rgb()`/`rgba()`, or `color(srgb …)` as color-mix() computes; other spaces are not judged. */
  function luminance(color: string): number | undefined {
    const scale = color.startsWith('color(srgb') ? 255 : color.startsWith('rgb') ? 1 : 0
    const [r, g, b] = color.match(/[\d.]+/g)?.map((n) => Number(n) * scale) ?? []
    return !scale || r === undefined || g === undefined || b === undefined ? undefined : relative(r, g, b)
  }

  function relative(r: number, g: number, b: number): number {
    const lin = (c: number): number => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  }

  function contrast(a: number, b: number): number {
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
  }
}
