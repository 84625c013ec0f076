// Runs inside the browser (serialised by page.evaluate): which characters of a part of the page
// no font draws (empty boxes) and which no web font of their stack covers. Used by check on
// each slide and by print on each whole print document; self-contained for the same reason.
import type { GlyphMeasurement } from './deck-measurements.js'

/** Glyph problems of the text under `rootSelector` (speaker notes included), grouped by font. */
export async function measureGlyphsInPage(rootSelector: string): Promise<GlyphMeasurement[]> {
  const root = document.querySelector(rootSelector)
  if (!root) return []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const text: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.trim() && !node.parentElement?.closest('script, style')) text.push(node as Text)
  }
  return measureGlyphs(text)

  /**
   * Characters no web font of the element's stack covers (by unicode-range): candidates that
   * measure-deck confirms with the fonts Chromium really used; and characters no font at all
   * has: they draw exactly like U+0378, which is unassigned.
   */
  async function measureGlyphs(text: readonly Text[]): Promise<GlyphMeasurement[]> {
    const ranges = webFontRanges()
    const draw = createDrawer()
    const glyphs: GlyphMeasurement[] = []
    for (const group of groupByFont(text)) {
      const stack = group.family.split(',').map(unquote)
      // A subset of a web font loads when text needs it; the canvas must not test before it is in
      // (a Chinese deck's characters looked missing while its first slides were measured).
      await document.fonts.load(group.font, [...group.chars].join('')).catch(() => undefined)
      const notdef = draw('\u0378', group.font)
      const tofu: string[] = []
      const fallback: string[] = []
      for (const ch of group.chars) {
        if (draw(ch, group.font) === notdef) tofu.push(ch)
        else if (!covered(ch.codePointAt(0)!, stack, ranges)) fallback.push(ch)
      }
      if (tofu.length) glyphs.push({ chars: tofu.join(''), fontFamily: group.family, tofu: true })
      if (fallback.length) glyphs.push({ chars: fallback.join(''), fontFamily: group.family, tofu: false })
    }
    return glyphs
  }

  function unquote(name: string): string {
    return name.trim().replace(/^["']|["']$/g, '').toLowerCase()
  }

  function webFontRanges(): Map<string, Array<[number, number]>> {
    const ranges = new Map<string, Array<[number, number]>>()
    for (const face of document.fonts) {
      const list = ranges.get(unquote(face.family)) ?? []
      for (const part of face.unicodeRange.split(',')) {
        const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
        if (!m) continue
        const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16)
        list.push([lo, m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16)])
      }
      ranges.set(unquote(face.family), list)
    }
    return ranges
  }

  function covered(cp: number, stack: readonly string[], ranges: Map<string, Array<[number, number]>>): boolean {
    const generic = /^(serif|sans-serif|monospace|cursive|fantasy|system-ui|ui-serif|ui-sans-serif|ui-monospace|ui-rounded|emoji|math|fangsong)$/
    for (const family of stack) {
      if (generic.test(family)) return false
      // A font installed on the machine: the page cannot see its coverage; measure-deck asks Chromium.
      const list = ranges.get(family)
      if (list?.some(([lo, hi]) => cp >= lo && cp <= hi)) return true
    }
    return false
  }

  /** Draws a character and returns its width and pixels as one comparable string. */
  function createDrawer(): (text: string, font: string) => string {
    const canvas = document.createElement('canvas')
    canvas.width = 96
    canvas.height = 96
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!
    return (text, font) => {
      ctx.clearRect(0, 0, 96, 96)
      ctx.font = font
      ctx.textBaseline = 'top'
      ctx.fillText(text, 16, 16)
      return `${ctx.measureText(text).width}|${ctx.getImageData(0, 0, 96, 96).data.join(',')}`
    }
  }

  /** Non-ASCII characters to test, grouped by the font they are set in. */
  function groupByFont(text: readonly Text[]): Array<{ family: string; font: string; chars: Set<string> }> {
    const groups = new Map<string, { family: string; font: string; chars: Set<string> }>()
    for (const node of text) {
      // Most text is ASCII, which every stack draws: skip its style lookup (a print document has thousands).
      if (!/[^\x00-\x7e]/.test(node.nodeValue ?? '')) continue
      const style = getComputedStyle(node.parentElement!)
      const key = `${style.fontStyle}|${style.fontWeight}|${style.fontFamily}`
      const group = groups.get(key) ?? { family: style.fontFamily, font: `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`, chars: new Set<string>() }
      for (const ch of node.nodeValue ?? '') {
        if (ch.codePointAt(0)! > 0x7e && !/[\s\p{M}\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}]/u.test(ch)) group.chars.add(ch)
      }
      groups.set(key, group)
    }
    return [...groups.values()]
  }
}
