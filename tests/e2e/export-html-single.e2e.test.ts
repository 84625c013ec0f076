// The one-file HTML, opened as a person would: copied alone into an empty folder, opened from
// disk in Chromium with every request but the file itself blocked. Every slide shows, the
// fonts and pictures come from inside the file, and the speaker view opens with the notes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { exportOutputs } from '../../src/export/export-outputs.js'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { findProject } from '../../src/project/find-project.js'
import { gradientPng } from '../helpers/print-deck.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let tmp: string
let built: BuiltDeck
let alone: string
let browser: BrowserHandle

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-single-'))
  const project = await findProject({ root: ROOT, cwd: ROOT })
  built = (await buildDeck(project, 'pytorch-story', { outDir: path.join(tmp, 'dist') })).value
  const result = await exportOutputs(built, { formats: ['html-single'] })
  // Alone in an empty folder: nothing of the build beside it.
  const empty = path.join(tmp, 'elsewhere')
  mkdirSync(empty)
  alone = path.join(empty, 'talk.html')
  copyFileSync(result.value.files[0]!.file, alone)
  browser = await launchBrowser({ timeoutMs: 60_000 })
})

afterAll(async () => {
  await browser?.close()
  rmSync(tmp, { recursive: true, force: true })
})

interface Watched {
  readonly page: Page
  readonly blocked: string[]
  readonly failed: string[]
  readonly errors: string[]
}

async function openAlone(hash = ''): Promise<Watched> {
  const page = await browser.browser.newPage()
  const url = pathToFileURL(alone).href
  const watched: Watched = { page, blocked: [], failed: [], errors: [] }
  await page.setRequestInterception(true)
  page.on('request', (r) => {
    const own = r.url() === url || r.url().startsWith(`${url}#`) || r.url().startsWith(`${url}?`)
    if (own || r.url().startsWith('data:')) return void r.continue()
    watched.blocked.push(r.url())
    void r.abort()
  })
  page.on('requestfailed', (r) => !watched.blocked.includes(r.url()) && watched.failed.push(`${r.url()} ${r.failure()?.errorText}`))
  page.on('pageerror', (e) => watched.errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && watched.errors.push(m.text()))
  await page.setViewport({ width: 1280, height: 720 })
  await page.goto(url + hash, { waitUntil: 'load' })
  await page.waitForFunction('window.Reveal && Reveal.isReady()', { timeout: 30_000 })
  return watched
}

describe('the one-file HTML', () => {
  it('shows every slide from its own bytes, with no request leaving the file', async () => {
    const { page, blocked, failed, errors } = await openAlone()
    expect(await page.evaluate('Reveal.getTotalSlides()')).toBe(built.slides.length)
    const empty: string[] = []
    for (const slide of built.slides) {
      const shown = await page.evaluate(async (id) => {
        const el = document.getElementById(id)
        if (!el) return { text: 0, broken: -1 }
        const reveal = (window as unknown as { Reveal: { getIndices(e: Element): { h: number; v: number }; slide(h: number, v: number): void } }).Reveal
        const at = reveal.getIndices(el)
        reveal.slide(at.h, at.v)
        const images = [...el.querySelectorAll('img')]
        await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
        return { text: (el.textContent ?? '').trim().length + images.length, broken: images.filter((img) => !img.naturalWidth).length }
      }, slide.id)
      if (shown.text === 0 || shown.broken !== 0) empty.push(`${slide.id} (${slide.layout})`)
    }
    expect(empty).toEqual([])
    await page.evaluate('document.fonts.ready')
    const fonts = (await page.evaluate('[...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/["\']/g, ""))')) as string[]
    for (const family of ['Fraunces', 'Inter', 'JetBrains Mono']) expect(fonts, family).toContain(family)
    expect(blocked).toEqual([])
    expect(failed).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('opens the speaker view (press S) with the notes of the current slide', async () => {
    const slide = built.slides.find((s) => s.notesText)!
    const { page, errors } = await openAlone(`#/${slide.id}`)
    const popup = new Promise<Page | null>((resolve) => browser.browser.once('targetcreated', async (t) => resolve(await t.page())))
    await page.keyboard.press('s')
    const notes = await popup
    expect(notes).not.toBeNull()
    const outside: string[] = []
    notes!.on('request', (r) => !/^(file|data|about|blob):/.test(r.url()) && outside.push(r.url()))
    await notes!.waitForFunction((start) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes(start), { timeout: 30_000 }, slide.notesText.slice(0, 30))
    // The previews are the same file, loaded as receivers.
    await notes!.waitForFunction(() => document.querySelectorAll('iframe').length >= 2, { timeout: 20_000 })
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await notes!.close()
    await page.close()
  })

  it('downscales pictures larger than the slide on request, and says how much it saved', async () => {
    const root = path.join(tmp, 'big')
    mkdirSync(path.join(root, 'content', 'big', 'images'), { recursive: true })
    writeFileSync(path.join(root, 'package.json'), '{ "name": "big", "private": true }\n')
    writeFileSync(path.join(root, 'content', 'big', 'deck.yml'), 'title: Big picture\n')
    writeFileSync(path.join(root, 'content', 'big', '01-a.md'), '## A photo\n\n![Wide](images/wide.png)\n')
    writeFileSync(path.join(root, 'content', 'big', 'images', 'wide.png'), gradientPng(3600, 1800))
    const project = await findProject({ root, cwd: root })
    const deck = (await buildDeck(project, 'big', { outDir: path.join(root, 'dist') })).value
    const sizeOf = async (html: string) => {
      const data = /src="data:image\/png;base64,([^"]+)"/.exec(html)![1]!
      return sharp(Buffer.from(data, 'base64')).metadata()
    }
    const plain = await exportOutputs(deck, { formats: ['html-single'] })
    expect((await sizeOf(readFileSync(plain.value.files[0]!.file, 'utf8'))).width).toBe(3600)
    const shrunk = await exportOutputs(deck, { formats: ['html-single'], downscale: 1 })
    const meta = await sizeOf(readFileSync(shrunk.value.files[0]!.file, 'utf8'))
    expect([meta.width, meta.height]).toEqual([1280, 640])
    expect(shrunk.value.downscaled).toEqual({ count: 1, saved: expect.any(Number) })
    expect(shrunk.value.files[0]!.bytes).toBeLessThan(plain.value.files[0]!.bytes)
  })
})
