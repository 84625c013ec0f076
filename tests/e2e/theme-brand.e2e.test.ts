// The example deck built with two themes, in real Chromium: the computed colours and fonts of a
// title, a body paragraph and code follow the theme; the logo is on slides and handout pages;
// a dark theme's handouts are printed on white paper.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { serveFolder, type FolderServer } from '../../src/browser/serve-folder.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { renderPrintDocument } from '../../src/print/render-print-document.js'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** What each theme's theme.yml says (northwind takes its text and code colours from daylight). */
const EXPECTED = {
  northwind: { title: 'rgb(251, 250, 247)', text: 'rgb(31, 35, 40)', code: 'rgb(36, 41, 47)', ink: 'rgb(31, 35, 40)', heading: 'Fraunces', body: 'Inter', mono: 'JetBrains Mono', logo: true },
  // On paper a dark theme's light text becomes dark ink.
  midnight: { title: 'rgb(246, 248, 251)', text: 'rgb(219, 227, 239)', code: 'rgb(219, 227, 239)', ink: 'rgb(26, 26, 26)', heading: 'IBM Plex Sans', body: 'IBM Plex Sans', mono: 'IBM Plex Mono', logo: false },
} as const
type ThemeName = keyof typeof EXPECTED

let tmp: string
let browser: BrowserHandle
const decks = new Map<ThemeName, { built: BuiltDeck; server: FolderServer }>()

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-theme-'))
  const project = await findProject({ root: ROOT, cwd: ROOT })
  for (const theme of Object.keys(EXPECTED) as ThemeName[]) {
    const built = (await buildDeck(project, 'pytorch-story', { outDir: path.join(tmp, theme), theme })).value
    decks.set(theme, { built, server: await serveFolder({ root: built.outDir }) })
  }
  browser = await launchBrowser({ timeoutMs: 60_000 })
})

afterAll(async () => {
  await browser?.close()
  for (const { server } of decks.values()) await server.close()
  await rm(tmp, { recursive: true, force: true })
})

async function openDeck(theme: ThemeName): Promise<Page> {
  const page = await browser.browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(`${decks.get(theme)!.server.origin}/index.html`, { waitUntil: 'load' })
  await page.waitForFunction('window.Reveal && Reveal.isReady()', { timeout: 30_000 })
  return page
}

/** Shows the slide holding `selector`, waits for its fonts, and reads the element's computed style. */
async function styleOf(page: Page, selector: string): Promise<{ color: string; family: string; fontLoaded: boolean }> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLElement | null
    if (!el) throw new Error(`no ${sel}`)
    const slide = el.closest('section')!
    const { h, v } = Reveal.getIndices(slide)
    Reveal.slide(h, v)
    await document.fonts.ready
    const style = getComputedStyle(el)
    const family = style.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '')
    const fontLoaded = [...document.fonts].some((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded')
    return { color: style.color, family, fontLoaded }
  }, selector)
}

declare const Reveal: { getIndices(el: Element): { h: number; v: number }; slide(h: number, v?: number): void }

describe.each(Object.keys(EXPECTED) as ThemeName[])('the example deck in %s', (theme) => {
  const want = EXPECTED[theme]

  it('titles, body text and code take the theme colours and its bundled fonts', async () => {
    const page = await openDeck(theme)
    try {
      const title = await styleOf(page, '.dh-layout-title h1')
      expect(title).toEqual({ color: want.title, family: want.heading, fontLoaded: true })
      const body = await styleOf(page, '.dh-layout-content .dh-body li, .dh-layout-content .dh-body p')
      expect(body).toEqual({ color: want.text, family: want.body, fontLoaded: true })
      const code = await styleOf(page, 'pre code')
      expect(code.family).toBe(want.mono)
      expect(code.fontLoaded).toBe(true)
      expect(code.color).toBe(want.code)
      // The big quotation mark too: a system serif would look different on every machine.
      expect(await styleOf(page, '.dh-quote-mark')).toMatchObject({ family: want.heading, fontLoaded: true })
    } finally {
      await page.close()
    }
  })

  it(want.logo ? 'shows the logo, loaded and at the kit height, on every slide' : 'shows no logo', async () => {
    const page = await openDeck(theme)
    try {
      const logos = await page.evaluate(async () => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>('.reveal .slides section .dh-logo')]
        await Promise.all(imgs.map((i) => i.decode().catch(() => undefined)))
        const visible = document.querySelector<HTMLImageElement>('section.present .dh-logo')
        return { count: imgs.length, loaded: imgs.every((i) => i.naturalWidth > 0), height: visible ? parseFloat(getComputedStyle(visible).height) : 0 }
      })
      const slides = decks.get(theme)!.built.slides.length
      if (want.logo) expect(logos).toEqual({ count: slides, loaded: true, height: 44 })
      else expect(logos.count).toBe(0)
    } finally {
      await page.close()
    }
  })

  it(`prints handouts on white paper in dark ink${want.logo ? ', with the logo on every page' : ''}`, async () => {
    const { built, server } = decks.get(theme)!
    const html = renderPrintDocument({ product: '3-up', deck: built.config, slides: built.html.slides, chapters: built.chapters, theme: built.theme, templates: built.templates, paper: 'A4', fragments: false, stylesheets: ['deck.css', 'theme.css'] })
    server.setPage('/handout-3-up.html', html)
    const page = await browser.browser.newPage()
    try {
      await page.goto(`${server.origin}/handout-3-up.html`, { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const facts = await page.evaluate(() => {
        const sheets = [...document.querySelectorAll('.dhp-sheet')]
        return {
          paper: getComputedStyle(document.documentElement).getPropertyValue('--dhp-bg').trim(),
          ink: getComputedStyle(document.body).color,
          sheets: sheets.length,
          withLogo: sheets.filter((s) => s.querySelector('.dh-logo')).length,
          bodyFont: getComputedStyle(document.body).fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, ''),
        }
      })
      expect(facts.paper).toBe('#ffffff')
      expect(facts.ink).toBe(want.ink)
      expect(facts.sheets).toBeGreaterThan(10)
      expect(facts.withLogo).toBe(want.logo ? facts.sheets : 0)
      expect(facts.bodyFont).toBe(want.body)
    } finally {
      await page.close()
    }
  })
})
