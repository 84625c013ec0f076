// `deckhand serve` as a user runs it: a copy of the example deck, the real CLI on a free port,
// real Chromium. Edits on disk reach the page without a manual reload and on the same slide;
// a broken deck.yml shows in the page and clears when fixed; escapes are refused.
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/find-browser.js'
import { openBrowser, type BrowserHandle } from '../../src/browser/open-browser.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SECRET = 'SECRET-OUTSIDE-THE-OUTPUT'
let project: string
let chapter: string
let deckYml: string
let child: ChildProcess
let url: string
let port: number
let browser: BrowserHandle
let page: Page
let speaker: Page | null = null
let output = ''

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-serve-'))
  await cp(path.join(ROOT, 'content/pytorch-story'), path.join(project, 'content/pytorch-story'), { recursive: true })
  await writeFile(path.join(project, 'package.json'), '{ "private": true }\n')
  await writeFile(path.join(project, 'secret.txt'), SECRET)
  chapter = path.join(project, 'content/pytorch-story/02-four-phases.md')
  deckYml = path.join(project, 'content/pytorch-story/deck.yml')
  child = spawn(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), 'serve', 'pytorch-story', '--root', project, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s))
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000)
    const look = (): void => {
      const match = /serving pytorch-story at (http:\/\/127\.0\.0\.1:(\d+))\//.exec(output)
      if (match) {
        clearTimeout(timer)
        port = Number(match[2])
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', look)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
  })
  browser = await openBrowser({ executablePath: await findBrowser(), timeoutMs: 60_000 })
  page = await browser.browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  await rm(project, { recursive: true, force: true })
})

async function currentSlide(): Promise<{ id: string; h: number; v: number; title: string }> {
  return (await page.evaluate(`(() => {
    const s = Reveal.getCurrentSlide(); const i = Reveal.getIndices();
    return { id: s.id, h: i.h, v: i.v || 0, title: (s.querySelector('h1, h2') || s).textContent.trim() };
  })()`)) as { id: string; h: number; v: number; title: string }
}

async function markPage(): Promise<void> {
  await page.evaluate('window.__notReloaded = true')
}

async function waitForReloadShowing(text: string): Promise<void> {
  await page.waitForFunction(
    (t: string) => !(window as unknown as { __notReloaded?: boolean }).__notReloaded && (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() && document.body.innerText.includes(t),
    { timeout: 30_000, polling: 100 },
    text,
  )
}

function rawGet(target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('deckhand serve', () => {
  it('serves the deck with the live-reload script and the speaker view', async () => {
    await page.goto(`${url}/#/phase-3-open-governance`, { waitUntil: 'load' })
    await page.waitForFunction('window.Reveal && Reveal.isReady()', { timeout: 30_000 })
    expect(await currentSlide()).toMatchObject({ id: 'phase-3-open-governance', title: 'Phase 3: open governance' })
    expect(await page.$('script[data-deckhand-live]')).not.toBeNull()
    // Speaker view: S opens the notes window, which shows this slide's notes.
    const opened = browser.browser.waitForTarget((t) => t.opener() === page.target(), { timeout: 20_000 })
    await page.keyboard.press('s')
    speaker = await (await opened).page()
    expect(speaker).not.toBeNull()
    await speaker!.waitForFunction(() => document.body?.innerText.includes('The third phase is about trust'), { timeout: 20_000, polling: 100 })
  })

  it('shows an edited chapter without a manual reload, on the same slide', async () => {
    const before = await currentSlide()
    await markPage()
    const text = await readFile(chapter, 'utf8')
    await writeFile(
      chapter,
      text
        .replace('- Technical decisions stay with maintainers', '- Technical decisions stay with maintainers, edited live')
        .replace('The third phase is about trust.', 'The third phase is about trust, said live.'),
    )
    await waitForReloadShowing('edited live')
    expect(await currentSlide()).toEqual(before)
    // The speaker view reconnects to the reloaded deck and shows the new notes.
    await speaker!.waitForFunction(() => document.body?.innerText.includes('about trust, said live'), { timeout: 20_000, polling: 100 })
    await speaker!.close()
  })

  it('keeps the slide when its id changes, and sees saves made by renaming a temp file', async () => {
    const before = await currentSlide()
    await markPage()
    const text = await readFile(chapter, 'utf8')
    const temp = `${chapter}.tmp-save`
    await writeFile(temp, text.replace('## Phase 3: open governance', '## Phase 3: governance in the open'))
    await rename(temp, chapter)
    await waitForReloadShowing('governance in the open')
    const after = await currentSlide()
    expect(after).toMatchObject({ h: before.h, v: before.v, title: 'Phase 3: governance in the open' })
  })

  it('shows a broken deck.yml in the page, keeps the deck, and clears when fixed', async () => {
    const good = await readFile(deckYml, 'utf8')
    const slideBefore = await currentSlide()
    await writeFile(deckYml, good.replace('theme: daylight', 'theme: [daylight'))
    await page.waitForSelector('#deckhand-error', { timeout: 30_000 })
    const overlay = await page.$eval('#deckhand-error', (el) => el.textContent ?? '')
    expect(overlay).toMatch(/deck\.yml:\d+:\d+\s+error/)
    // The last good deck is still there underneath.
    expect(await currentSlide()).toEqual(slideBefore)
    await markPage()
    await writeFile(deckYml, good)
    await page.waitForFunction(() => !document.getElementById('deckhand-error'), { timeout: 30_000, polling: 100 })
    await waitForReloadShowing('governance in the open')
    expect(await page.$('#deckhand-error')).toBeNull()
    expect(await currentSlide()).toEqual(slideBefore)
  })

  it('refuses paths that escape the output folder, and foreign hosts and origins', async () => {
    for (const target of ['/../../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/%252e%252e/%252e%252e/secret.txt', '/..\\..\\secret.txt', `/${encodeURIComponent(path.join(project, 'secret.txt'))}`]) {
      const res = await rawGet(target)
      expect([400, 403, 404], target).toContain(res.status)
      expect(res.body).not.toContain(SECRET)
    }
    expect((await rawGet('/', { host: `rebound.example:${port}` })).status).toBe(403)
    expect((await rawGet('/__deckhand/events', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await rawGet('/')).status).toBe(200)
  })
})
