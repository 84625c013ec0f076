// The built example deck, opened in real Chromium: Reveal counts every slide, every slide
// rendered content, and the page made no failed request and logged no error.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Frame, Page } from 'puppeteer-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { serveFolder, type FolderServer } from '../../src/browser/serve-folder.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { findProject } from '../../src/project/find-project.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let out: string
let built: BuiltDeck
let browser: BrowserHandle
let server: FolderServer

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-deck-'))
  const project = await findProject({ root: ROOT, cwd: ROOT })
  built = (await buildDeck(project, 'pytorch-story', { outDir: out })).value
  browser = await launchBrowser({ timeoutMs: 60_000 })
  server = await serveFolder({ root: built.outDir })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(out, { recursive: true, force: true })
})

interface PageProblems {
  readonly failed: string[]
  readonly errors: string[]
}

async function openDeck(url: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.browser.newPage()
  const problems: PageProblems = { failed: [], errors: [] }
  page.on('requestfailed', (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText}`))
  page.on('response', (r) => r.status() >= 400 && problems.failed.push(`${r.url()} ${r.status()}`))
  page.on('pageerror', (e) => problems.errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && problems.errors.push(m.text()))
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction('window.Reveal && Reveal.isReady()', { timeout: 30_000 })
  return { page, problems }
}

/** Presses S in the deck and waits for the speaker view's window. */
async function openSpeakerView(page: Page): Promise<Page | null> {
  const popup = new Promise<Page | null>((resolve) => browser.browser.once('targetcreated', async (t) => resolve(await t.page())))
  await page.keyboard.press('s')
  return popup
}

describe('the example deck in Chromium', () => {
  it.each([
    ['over a static server', () => `${server.origin}/index.html`],
    ['opened from disk', () => pathToFileURL(path.join(built.outDir, 'index.html')).href],
  ])('presents %s with every slide rendered and no errors', async (_how, url) => {
    const { page, problems } = await openDeck(url())
    const total = await page.evaluate('Reveal.getTotalSlides()')
    expect(total).toBe(built.slides.length)
    expect(total).toBeGreaterThanOrEqual(25)
    // Visit every slide: each must show its own content, laid out inside the frame.
    const empty: string[] = []
    for (const slide of built.slides) {
      const shown = await page.evaluate((id) => {
        const el = document.getElementById(id)
        if (!el) return { found: false, text: 0, height: 0 }
        const indices = (window as unknown as { Reveal: { getIndices(e: Element): { h: number; v: number }; slide(h: number, v: number): void } }).Reveal
        const at = indices.getIndices(el)
        indices.slide(at.h, at.v)
        const rect = el.getBoundingClientRect()
        return { found: true, text: (el.textContent ?? '').trim().length + el.querySelectorAll('img').length, height: rect.height }
      }, slide.id)
      if (!shown.found || shown.text === 0 || shown.height === 0) empty.push(`${slide.id} (${slide.layout})`)
    }
    expect(empty).toEqual([])
    expect(problems.failed).toEqual([])
    expect(problems.errors).toEqual([])
    await page.close()
  })

  it('opens the speaker view with the notes of the current slide', async () => {
    const { page, problems } = await openDeck(`${server.origin}/index.html#/${built.slides.find((s) => s.notesText)!.id}`)
    const notesPage = await openSpeakerView(page)
    expect(notesPage).not.toBeNull()
    await notesPage!.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').trim().length > 20, { timeout: 20_000 })
    expect(problems.errors).toEqual([])
    await notesPage!.close()
    await page.close()
  })

  it("shows the company theme's title background, logo and footer in the speaker view's current slide", async () => {
    const brandedOut = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-brand-'))
    let brandServer: FolderServer | undefined
    try {
      const project = await findProject({ root: ROOT, cwd: ROOT })
      const branded = (await buildDeck(project, 'pytorch-story', { outDir: brandedOut, theme: 'northwind' })).value
      brandServer = await serveFolder({ root: branded.outDir })
      const { page, problems } = await openDeck(`${brandServer.origin}/index.html`)
      const notes = (await openSpeakerView(page))!
      await notes.setViewport({ width: 1280, height: 800 })
      // The speaker view shows the deck itself in a frame, on the slide the deck is at.
      const frameOf = async (): Promise<Frame | undefined> => {
        for (const frame of notes.frames()) {
          const current = await frame.evaluate(() => Boolean((window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady()) && window.frameElement?.closest('#current-slide') !== null).catch(() => false)
          if (current) return frame
        }
        return undefined
      }
      let current: Frame | undefined
      for (const started = Date.now(); !current && Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 100))) current = await frameOf()
      expect(current).toBeDefined()
      const seen = await current!.evaluate(async () => {
        const logo = document.querySelector('img[alt="Northwind Robotics"]') as HTMLImageElement | null
        if (logo && !logo.complete) await new Promise((r) => logo.addEventListener('load', r, { once: true }))
        return { text: document.body.innerText, logoWidth: logo?.naturalWidth ?? 0 }
      })
      expect(seen.text).toContain('Northwind Robotics · Internal')
      expect(seen.logoWidth).toBeGreaterThan(0)
      // The title slide's gradient, read from the pixels of the frame as the speaker sees it.
      const frameBox = (await (await current!.frameElement())!.boundingBox())!
      const png = await notes.screenshot({ clip: { x: frameBox.x, y: frameBox.y, width: frameBox.width, height: frameBox.height } })
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
      const at = (fx: number, fy: number): [number, number, number] => {
        const i = (Math.floor(info.height * fy) * info.width + Math.floor(info.width * fx)) * 3
        return [data[i]!, data[i + 1]!, data[i + 2]!]
      }
      // At the left edge the gradient is still near #0b2545; near the bottom-right, near #0b7285.
      const [r1, g1, b1] = at(0.03, 0.5)
      const [r2, g2, b2] = at(0.97, 0.92)
      expect(Math.max(r1, g1, b1)).toBeLessThan(110)
      expect(b1).toBeGreaterThan(r1 + 20)
      expect(g2).toBeGreaterThan(r2 + 40)
      expect(b2).toBeGreaterThan(r2 + 40)
      expect(problems.errors).toEqual([])
      await notes.close()
      await page.close()
    } finally {
      await brandServer?.close()
      await rm(brandedOut, { recursive: true, force: true })
    }
  })
})
