// The print document's clip pass in real Chromium: boxes whose content fits are opened (each
// clip is a paint layer, visited on every printed page), content that spills stays clipped, and
// the page is not painted on screen before printing starts.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RenderedSlide } from '../../src/model.js'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { serveFolder, type FolderServer } from '../../src/browser/serve-folder.js'
import { DECK_STYLESHEETS } from '../../src/pdf/export-pdfs.js'
import { paperContentBox } from '../../src/print/page-geometry.js'
import { withPrintRuntime } from '../../src/print/print-runtime.js'
import { renderPrintDocument } from '../../src/print/render-print-document.js'
import { writeFixtureDeck } from './helpers/fixture-deck.js'

const TALL = Array.from({ length: 30 }, (_, i) => `<li>Item ${i + 1}${i === 29 ? ' far below the slide' : ''}</li>`).join('')
const EXTRA: { id: string; html: string }[] = [
  { id: 'spills', html: `<h2>Too much</h2><ul>${TALL}</ul>` },
  { id: 'boxes', html: '<h2>Boxes</h2><div class="fits-box"><p>Fits</p></div><div class="spills-box"><p>One</p><p>Two</p><p>Three</p></div>' },
]

let dir: string
let handle: BrowserHandle
let server: FolderServer
let page: Page

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-clips-'))
  const fixture = await writeFixtureDeck(dir)
  // A deck stylesheet's own clipped boxes: one whose content fits, one whose content does not.
  appendFileSync(path.join(dir, 'deck.css'), '\n.fits-box { overflow: hidden; height: 200px; }\n.spills-box { overflow: hidden; height: 60px; }\n')
  const last = fixture.html.slides.at(-1)!
  const slides: RenderedSlide[] = [
    ...fixture.html.slides,
    ...EXTRA.map(({ id, html }, i) => ({ slide: { ...last.slide, id, index: last.slide.index + i + 1 }, html })),
  ]
  const input = { deck: fixture.config, chapters: fixture.chapters, theme: fixture.theme, templates: fixture.templates }
  const html = withPrintRuntime(renderPrintDocument({ ...input, slides, product: '6-up', paper: 'A4', fragments: false, stylesheets: DECK_STYLESHEETS }))
  server = await serveFolder({ root: dir })
  server.setPage('/print.html', html)
  handle = await launchBrowser({ timeoutMs: 30_000 })
  page = await handle.browser.newPage()
  const box = paperContentBox('A4')
  await page.setViewport({ width: Math.round(box.width), height: Math.round(box.height) })
  await page.goto(`${server.origin}/print.html`, { waitUntil: 'load' })
  await page.waitForFunction('window.__deckhandReady === true', { timeout: 30_000 })
}, 90_000)

afterAll(async () => {
  await handle?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Whether each matching element was opened (overflow: visible set on it by the clip pass). */
const opened = (selector: string): Promise<boolean[]> =>
  page.$$eval(selector, (els) => els.map((el) => (el as HTMLElement).style.getPropertyValue('overflow') === 'visible'))

it('opens the slide canvases whose content fits and keeps the clip of one that spills', async () => {
  const canvases = await opened('.dhp-canvas')
  expect(canvases).toHaveLength(10)
  const spills = (await page.$$eval('.dhp-canvas', (els) => els.map((el) => el.textContent ?? ''))).map((t) => t.includes('far below the slide'))
  expect(spills.filter(Boolean)).toHaveLength(1)
  expect(canvases).toEqual(spills.map((s) => !s))
})

it("finds a deck stylesheet's clipped boxes and opens only the one whose content fits", async () => {
  expect(await opened('.fits-box')).toEqual([true])
  expect(await opened('.spills-box')).toEqual([false])
})

it('keeps the page from painting on screen once measured, and shows it when printing', async () => {
  expect(await page.evaluate(() => getComputedStyle(document.body).contentVisibility)).toBe('hidden')
  const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1')
  // Chromium's page objects: the cover and two sheets of six (ten slides).
  expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)).toHaveLength(3)
})
