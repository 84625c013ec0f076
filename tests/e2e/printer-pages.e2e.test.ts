// The printer keeps each page it printed in and loads the next document into it: the blank page
// Chromium starts with serves every product of a one-off print, and every reprint of a warm
// printer. A page whose print failed is closed, never reused; what each print reports is its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { Target } from 'puppeteer-core'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { DeckError } from '../../src/diagnostics/diagnostic.js'
import { printJobs } from '../../src/pdf/export-pdfs.js'
import { openPrinter } from '../../src/pdf/open-printer.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { readPdf } from './helpers/read-pdf.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

async function builtDeck() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-printer-pages-'))
  dirs.push(root)
  writeFileSync(path.join(root, 'package.json'), '{}')
  mkdirSync(path.join(root, 'content', 'talk'), { recursive: true })
  writeFileSync(path.join(root, 'content', 'talk', 'deck.yml'), 'title: Talk\ntitleSlide: false\nagenda: false\n')
  writeFileSync(
    path.join(root, 'content', 'talk', '01-talk.md'),
    '## First\n\nKept pages\n\n![far](http://192.0.2.7/far.png)\n\nNote: a note for the first slide\n\n---\n\n## Second\n\nSecond slide\n',
  )
  const project = await findProject({ root, cwd: root })
  return (await buildDeck(project, 'talk', { outDir: path.join(root, 'dist') })).value
}

/** The browser, and how many pages were opened in it after its start. */
async function countedBrowser(): Promise<{ handle: Promise<BrowserHandle>; opened: () => number }> {
  const handle = launchBrowser({ timeoutMs: 60_000 })
  let opened = 0
  ;(await handle).browser.on('targetcreated', (target: Target) => void (target.type() === 'page' && opened++))
  return { handle, opened: () => opened }
}

it('one page prints every product of a one-off print, each document with its own blocked request reported once', async () => {
  const deck = await builtDeck()
  const { handle, opened } = await countedBrowser()
  const printer = await openPrinter({ outDir: deck.outDir, browser: handle, timeoutMs: 60_000, allowNetwork: false, tagged: false, concurrency: 1 })
  // Where the start page went: straight from one document to the next, not through about:blank.
  const visited: string[] = []
  const start = (await (await handle).browser.pages())[0]!
  start.on('framenavigated', (frame) => void (frame === start.mainFrame() && visited.push(new URL(frame.url()).pathname)))
  try {
    const jobs = printJobs(deck, ['slides', 'notes', 'outline'], deck.config.handouts.paper, false)
    const result = await printer.print(deck, jobs, { paper: deck.config.handouts.paper })
    expect(result.value.files.map((f) => path.basename(f))).toEqual(['slides.pdf', 'handout-notes.pdf', 'handout-outline.pdf'])
    expect(opened()).toBe(0)
    expect(visited).toEqual(['/.deckhand-print-slides.html', '/.deckhand-print-notes.html', '/.deckhand-print-outline.html'])
    // The far image is named by each product; the deck hears of it once, at its line.
    expect(result.diagnostics.filter((d) => d.code === 'request-blocked').map((d) => d.span?.line)).toEqual([5])
    const notes = await readPdf(result.value.files[1]!)
    expect(notes.text.join(' ')).toContain('a note for the first slide')
    const outline = await readPdf(result.value.files[2]!)
    expect(outline.text.join(' ')).toContain('Second slide')
  } finally {
    await printer.close()
  }
})

it('two products printing at once take a page each: the start page goes to one of them only', async () => {
  const deck = await builtDeck()
  const { handle, opened } = await countedBrowser()
  const printer = await openPrinter({ outDir: deck.outDir, browser: handle, timeoutMs: 60_000, allowNetwork: false, tagged: false, concurrency: 2 })
  try {
    const jobs = printJobs(deck, ['slides', 'notes', '3-up', 'outline'], deck.config.handouts.paper, false)
    const result = await printer.print(deck, jobs, { paper: deck.config.handouts.paper })
    expect(result.value.files).toHaveLength(4)
    for (const file of result.value.files) expect((await readPdf(file)).text.join(' ')).toContain('Second slide')
    expect(opened()).toBe(1)
  } finally {
    await printer.close()
  }
})

it('a warm printer reprints in the page it kept; a page whose print failed is closed and a new one takes its place', async () => {
  const deck = await builtDeck()
  const { handle, opened } = await countedBrowser()
  const browser = (await handle).browser
  const printer = await openPrinter({ outDir: deck.outDir, browser: handle, timeoutMs: 3_000, allowNetwork: false, tagged: false, concurrency: 1, warm: true })
  try {
    const paper = deck.config.handouts.paper
    const notes = () => printJobs(deck, ['notes'], paper, false)
    await printer.print(deck, notes(), { paper })
    // Between prints the kept page holds no document.
    await expect.poll(async () => (await browser.pages()).map((p) => p.url())).toEqual(['about:blank'])
    const again = await printer.print(deck, notes(), { paper })
    expect(again.value.files).toHaveLength(1)
    // Each print reports what its own document asked for: the kept page has no listener left from before.
    expect(again.diagnostics.filter((d) => d.code === 'request-blocked')).toHaveLength(1)
    expect(opened()).toBe(0)
    // A document that never raises its ready flag (no print runtime) times out.
    const stuck = await printer.print(deck, [{ product: 'notes', html: () => '<!doctype html><title>stuck</title><p>never ready</p>' }], { paper }).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(stuck).toBeInstanceOf(DeckError)
    expect((stuck as DeckError).diagnostic.code).toBe('pdf-timeout')
    const urls = (await browser.pages()).map((p) => p.url())
    expect(urls.some((u) => u.includes('deckhand-print'))).toBe(false)
    const after = await printer.print(deck, notes(), { paper })
    expect(after.value.files).toHaveLength(1)
    expect(opened()).toBe(1)
    expect((await readPdf(after.value.files[0]!)).text.join(' ')).toContain('a note for the first slide')
  } finally {
    await printer.close()
  }
})

it('a one-off print closes the browser once the last page has printed, before the last PDF is written', async () => {
  const deck = await builtDeck()
  const launched = launchBrowser({ timeoutMs: 60_000 })
  const events: string[] = []
  // The handle, telling when its close is asked for.
  const handle = launched.then((b): BrowserHandle => ({ ...b, close: () => (events.push('browser closing'), b.close()) }))
  const printer = await openPrinter({ outDir: deck.outDir, browser: handle, timeoutMs: 60_000, allowNetwork: false, tagged: false, concurrency: 1, closeWhenPrinted: true })
  try {
    const jobs = printJobs(deck, ['slides', 'notes'], deck.config.handouts.paper, false)
    const onProgress = (e: { product: string; phase: string }): void => void (e.phase === 'done' && events.push(`${e.product} written`))
    const result = await printer.print(deck, jobs, { paper: deck.config.handouts.paper, onProgress })
    expect(result.value.files).toHaveLength(2)
    // Not after the first product (another was still to print), and before the last was written.
    expect(events).toEqual(['slides written', 'browser closing', 'notes written'])
  } finally {
    await printer.close()
  }
  // Closing the printer waits for that close: it does not ask again.
  expect((await launched).browser.connected).toBe(false)
  expect(events.filter((e) => e === 'browser closing')).toHaveLength(1)
}, 120_000)
