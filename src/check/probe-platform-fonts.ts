// I/O (Chromium DevTools protocol): which installed font Chromium really draws each character with.
import type { CDPSession, Page } from 'puppeteer-core'
import type { GlyphMeasurement } from './deck-measurements.js'

interface PlatformFont {
  readonly familyName: string
  readonly isCustomFont: boolean
}

const PROBE_ID = 'deckhand-glyph-probe'

/**
 * Keeps, of each candidate (characters no web font of the stack covers), the characters that
 * Chromium draws with a stand-in: a font the stack does not name and that is not the font the
 * stack draws plain letters with. Characters drawn by a web font, by an installed font the stack
 * names (an emoji font), or by the stack's own font on this machine (Liberation Serif standing
 * for "Times New Roman" everywhere, letters included) go.
 */
export async function confirmFallbacks(page: Page, candidates: readonly GlyphMeasurement[]): Promise<GlyphMeasurement[]> {
  if (candidates.length === 0) return []
  const client = await page.createCDPSession()
  try {
    await client.send('DOM.enable')
    await client.send('CSS.enable')
    const confirmed: GlyphMeasurement[] = []
    for (const candidate of candidates) {
      const chars = [...candidate.chars]
      const stack = candidate.fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase())
      // The last span holds a plain letter: the font the stack really uses here.
      await page.evaluate(addProbe, PROBE_ID, candidate.fontFamily, [...chars, 'a'])
      const { root } = await client.send('DOM.getDocument', { depth: 0 })
      const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `#${PROBE_ID} span` })
      const kept: string[] = []
      const own = new Set((await platformFonts(client, nodeIds[chars.length]!)).map((f) => f.familyName))
      const intended = (f: PlatformFont): boolean => f.isCustomFont || own.has(f.familyName) || stack.includes(f.familyName.toLowerCase())
      for (const [i, ch] of chars.entries()) {
        if ((await platformFonts(client, nodeIds[i]!)).some((f) => !intended(f))) kept.push(ch)
      }
      await page.evaluate((id: string) => document.getElementById(id)?.remove(), PROBE_ID)
      if (kept.length) confirmed.push({ ...candidate, chars: kept.join('') })
    }
    return confirmed
  } finally {
    await client.detach().catch(() => undefined)
  }
}

async function platformFonts(client: CDPSession, nodeId: number): Promise<PlatformFont[]> {
  for (let attempt = 0; ; attempt++) {
    const { fonts } = (await client.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] }
    // Empty until the text has been shaped; a moment later it is there.
    if (fonts.length > 0 || attempt >= 5) return fonts
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Runs in the page: one span per character, in the candidate's font stack, laid out off-screen. */
async function addProbe(id: string, fontFamily: string, chars: string[]): Promise<void> {
  const probe = document.createElement('div')
  probe.id = id
  probe.style.cssText = 'position:absolute;left:-10000px;top:0;white-space:pre'
  probe.style.fontFamily = fontFamily
  for (const ch of chars) {
    const span = document.createElement('span')
    span.textContent = ch
    probe.appendChild(span)
  }
  document.body.appendChild(probe)
  // Laid out and painted before Chromium is asked which fonts it used.
  void probe.offsetWidth
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
}
