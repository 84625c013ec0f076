// `deckhand serve --pdf` and `deckhand pdf --watch` as a user runs them: a copy of the example
// deck, the real CLI, real Chromium. A save reprints the PDFs it touched and leaves the others
// as they were (same bytes, same mtime); the print preview pages have the PDFs' page counts.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/find-browser.js'
import { openBrowser, type BrowserHandle } from '../../src/browser/open-browser.js'
import { alive, descendants } from './helpers/processes.js'
import { readPdf } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
// Every product, so each preview can be held against its PDF.
const PRODUCTS = ['slides', 'notes', '2-up', '3-up', '6-up', 'outline'] as const
const FILES: Record<(typeof PRODUCTS)[number], string> = {
  slides: 'slides.pdf',
  notes: 'handout-notes.pdf',
  '2-up': 'handout-2-up.pdf',
  '3-up': 'handout-3-up.pdf',
  '6-up': 'handout-6-up.pdf',
  outline: 'handout-outline.pdf',
}
let project: string
let chapter: string
let outDir: string
let browser: BrowserHandle

interface Running {
  readonly child: ChildProcess
  output: string
  /** Resolves with the output (stdout and stderr) once `pattern` has matched `count` times. */
  waitFor(pattern: RegExp, count: number): Promise<string>
  stop(): Promise<void>
}

function start(args: readonly string[]): Running {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] })
  const running: Running = {
    child,
    output: '',
    waitFor: (pattern, count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} (x${count}) in:\n${running.output}`)), 120_000)
        const look = (): void => {
          const matches = running.output.match(new RegExp(pattern.source, pattern.flags + 'g'))?.length ?? 0
          if (matches < count) return
          clearTimeout(timer)
          child.stdout!.off('data', look)
          child.stderr!.off('data', look)
          resolve(running.output)
        }
        child.stdout!.on('data', look)
        child.stderr!.on('data', look)
        look()
      }),
    async stop() {
      const pids = descendants(child.pid!).map((p) => p.pid)
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      // Nothing it started (Chromium above all) outlives it.
      expect(pids.filter(alive)).toEqual([])
    },
  }
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (running.output += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (running.output += s))
  return running
}

async function snapshot(): Promise<Record<(typeof PRODUCTS)[number], { mtime: number; sha: string }>> {
  const facts = {} as Record<(typeof PRODUCTS)[number], { mtime: number; sha: string }>
  for (const product of PRODUCTS) {
    const file = path.join(outDir, FILES[product])
    facts[product] = { mtime: (await stat(file)).mtimeMs, sha: createHash('sha256').update(await readFile(file)).digest('hex') }
  }
  return facts
}

async function pdfText(product: (typeof PRODUCTS)[number]): Promise<string> {
  return (await readPdf(path.join(outDir, FILES[product]))).text.join(' ')
}

async function edit(from: string, to: string): Promise<void> {
  const text = await readFile(chapter, 'utf8')
  expect(text).toContain(from)
  await writeFile(chapter, text.replace(from, to))
}

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-live-print-'))
  await cp(path.join(ROOT, 'content/pytorch-story'), path.join(project, 'content/pytorch-story'), { recursive: true })
  await writeFile(path.join(project, 'package.json'), '{ "private": true }\n')
  chapter = path.join(project, 'content/pytorch-story/02-four-phases.md')
  outDir = path.join(project, 'dist/pytorch-story')
  browser = await openBrowser({ executablePath: await findBrowser(), timeoutMs: 60_000 })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await rm(project, { recursive: true, force: true })
})

describe('deckhand serve --pdf', () => {
  let serve: Running
  let url: string

  beforeAll(async () => {
    serve = start(['serve', 'pytorch-story', '--pdf', '--port', '0', '--handout', 'notes,2-up,3-up,6-up,outline'])
    const output = await serve.waitFor(/^printed .*handout-outline\.pdf/m, 1)
    url = /serving pytorch-story at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!
  }, 180_000)

  afterAll(async () => {
    await serve?.stop()
  })

  it('prints every product once, and links the print previews', async () => {
    expect(serve.output).toMatch(/^printed .*slides\.pdf.*handout-notes\.pdf.*handout-2-up\.pdf.*handout-3-up\.pdf.*handout-6-up\.pdf.*handout-outline\.pdf/m)
    for (const product of PRODUCTS) expect(serve.output).toContain(`${url}/print/${product}`)
  })

  it("links every preview and PDF from the served deck's menu, and never from the built deck", async () => {
    const page = await browser.browser.newPage()
    try {
      await page.goto(`${url}/`, { waitUntil: 'load' })
      const links = (await page.$$eval('.deckhand-print-menu a', (as) => as.map((a) => a.getAttribute('href')))) as string[]
      expect(links).toEqual(PRODUCTS.flatMap((p) => [`/print/${p}`, FILES[p]]))
      // The first link is a working page of the server.
      const response = await page.goto(new URL(links[0]!, url).href, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
    } finally {
      await page.close()
    }
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).not.toContain('deckhand-print-menu')
  }, 120_000)

  it('shows each product as a paged preview with as many pages as its PDF', async () => {
    for (const product of PRODUCTS) {
      const page = await browser.browser.newPage()
      try {
        await page.goto(`${url}/print/${product}`, { waitUntil: 'load' })
        await page.waitForFunction('window.__deckhandPages > 0', { timeout: 60_000, polling: 100 })
        const shown = (await page.evaluate('[window.__deckhandPages, document.querySelectorAll(".pagedjs_page").length]')) as number[]
        const printed = (await readPdf(path.join(outDir, FILES[product]))).pages
        expect({ product, pages: shown[0], boxes: shown[1] }).toEqual({ product, pages: printed, boxes: printed })
        // Drawn with the print document's own rules: the byline's separator is generated content.
        if (product === 'outline') expect(await page.$eval('.dhp-cover-byline span:nth-child(2)', (el) => getComputedStyle(el, '::before').content)).toBe('"·"')
      } finally {
        await page.close()
      }
    }
  }, 240_000)

  it('reprints only notes and outline after a note is edited, and the preview follows', async () => {
    const page = await browser.browser.newPage()
    try {
      await page.goto(`${url}/print/notes`, { waitUntil: 'load' })
      await page.waitForFunction('window.__deckhandPages > 0', { timeout: 60_000, polling: 100 })
      const before = await snapshot()
      await edit('Here is the map for the rest of the talk.', 'Here is the map for the rest of the talk, ZEPHYRNOTE.')
      await serve.waitFor(/^printed /m, 2)
      expect(serve.output).toMatch(/^printed dist\/pytorch-story\/handout-notes\.pdf, dist\/pytorch-story\/handout-outline\.pdf in \d+ ms; unchanged: slides, 2-up, 3-up, 6-up$/m)
      const after = await snapshot()
      expect(after.slides).toEqual(before.slides)
      for (const product of ['2-up', '3-up', '6-up'] as const) expect(after[product]).toEqual(before[product])
      expect(after.notes.sha).not.toBe(before.notes.sha)
      expect(after.outline.sha).not.toBe(before.outline.sha)
      expect(await pdfText('notes')).toContain('ZEPHYRNOTE')
      expect(await pdfText('outline')).toContain('ZEPHYRNOTE')
      // The open preview reloads by itself and shows the edit, paged.
      await page.waitForFunction(() => document.querySelector('.pagedjs_pages')?.textContent?.includes('ZEPHYRNOTE'), { timeout: 60_000, polling: 200 })
    } finally {
      await page.close()
    }
  }, 180_000)

  it('reprints only slides.pdf after slides-only content is edited', async () => {
    const before = await snapshot()
    await edit('- Lowers the risk of betting a product on it\n', '- Lowers the risk of betting a product on it\n\n:::slides\nQUOKKASLIDE\n:::\n')
    await serve.waitFor(/^printed /m, 3)
    expect(serve.output).toMatch(/^printed dist\/pytorch-story\/slides\.pdf in \d+ ms; unchanged: notes, 2-up, 3-up, 6-up, outline$/m)
    const after = await snapshot()
    for (const product of PRODUCTS.filter((p) => p !== 'slides')) expect(after[product]).toEqual(before[product])
    expect(await pdfText('slides')).toContain('QUOKKASLIDE')
  }, 180_000)
})

describe('deckhand pdf --watch', () => {
  it('prints, reprints what a save touched, serves nothing and leaves nothing running', async () => {
    const watch = start(['pdf', 'pytorch-story', '--watch', '--handout', 'notes'])
    try {
      await watch.waitFor(/^printed .*handout-notes\.pdf/m, 1)
      expect(watch.output).toMatch(/^watching pytorch-story/m)
      expect(watch.output).not.toMatch(/serving|print previews/)
      await edit('ZEPHYRNOTE', 'WOMBATNOTE')
      await watch.waitFor(/^printed /m, 2)
      expect(watch.output).toMatch(/^printed dist\/pytorch-story\/handout-notes\.pdf in \d+ ms; unchanged: slides$/m)
      expect(await pdfText('notes')).toContain('WOMBATNOTE')
      // A save that does not build names the line, and the last good PDF stays as it was.
      const notes = path.join(outDir, FILES.notes)
      const before = { mtime: (await stat(notes)).mtimeMs, bytes: await readFile(notes) }
      await edit('## Phase 1: research-first\n', '## Phase 1: research-first\n\n<!-- template: no-such-layout -->\n')
      await watch.waitFor(/\[template-not-found\]/, 1)
      expect(watch.output).toMatch(/^build failed \(02-four-phases\.md, \d+ ms\); the last good PDFs stay as they were$/m)
      expect(watch.output).toMatch(/02-four-phases\.md:\d+:\d+ +error +Layout "no-such-layout" not found/)
      expect(watch.output).not.toMatch(/the page shows/)
      expect((await stat(notes)).mtimeMs).toBe(before.mtime)
      expect(await readFile(notes)).toEqual(before.bytes)
      await edit('## Phase 1: research-first\n\n<!-- template: no-such-layout -->\n', '## Phase 1: research-first\n')
    } finally {
      await watch.stop()
    }
  }, 240_000)

  it('starts another browser when the one it kept has stopped, and prints the save with it', async () => {
    const watch = start(['pdf', 'pytorch-story', '--watch', '--handout', 'notes'])
    try {
      await watch.waitFor(/^printed /m, 1)
      // The browser dies between saves, as a crash or the kernel's out-of-memory killer would take it.
      const first = descendants(watch.child.pid!).filter((p) => /chrom/.test(p.cmdline) && !p.cmdline.includes('--type='))
      expect(first).toHaveLength(1)
      process.kill(first[0]!.pid, 'SIGKILL')
      await edit('## Phase 1: research-first\n', '## Phase 1: research-first, KOALASLIDE\n')
      await watch.waitFor(/^printed /m, 2)
      expect(watch.output).toMatch(/warning +The browser printing the PDFs had stopped; a new one was started +\[browser-stopped\]/)
      expect(watch.output).not.toMatch(/printing failed/)
      expect(await pdfText('notes')).toContain('KOALASLIDE')
      const second = descendants(watch.child.pid!).filter((p) => /chrom/.test(p.cmdline) && !p.cmdline.includes('--type=') && alive(p.pid))
      expect(second.map((p) => p.pid)).not.toContain(first[0]!.pid)
    } finally {
      // Nothing left running: neither browser, nor their folders' owners.
      await watch.stop()
    }
  }, 240_000)
})
