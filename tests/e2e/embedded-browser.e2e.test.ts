// The browser deckhand brings prints the example deck, and a system Chromium, where the
// machine has one, prints the same pages: both ways of finding a browser stay tested.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/find-browser.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { readPdf, renderPages, type PageImage } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const out = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-embedded-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

const cache = path.join(out, 'cache')
/** The CLI's arguments to print the example's slides; no `browser` means the one found by default. */
const args = (browser: string | undefined, folder: string): string[] => [
  ...[path.join(ROOT, 'bin/deckhand.js'), 'pdf', 'pytorch-story', '--root', ROOT, '--out', path.join(out, folder), '--handout', 'none'],
  ...(browser ? ['--browser', browser] : []),
]

function printExample(browser: string | undefined, folder: string): string {
  const run = spawnSync(process.execPath, args(browser, folder), { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } })
  expect(run.status, run.stderr).toBe(0)
  return path.join(out, folder, 'pytorch-story', 'slides.pdf')
}

/** The CLI in the background, with the test's own (at first empty) browser cache. */
function printInBackground(folder: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args('embedded', folder), { env: { ...process.env, XDG_CACHE_HOME: cache } })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (status) => resolve({ status, stderr }))
  })
}

/** Share of pixels whose grey levels differ by more than a little (anti-aliasing). */
function differingShare(a: PageImage, b: PageImage): number {
  let differ = 0
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) if (Math.abs(a.grey(x, y) - b.grey(x, y)) > 48) differ++
  return differ / (a.width * a.height)
}

// A system browser, if this machine has one (the embedded one does not count here), for the test's name.
const system = await findBrowser({ embedded: async () => undefined }).catch(() => undefined)

describe('the embedded browser', () => {
  let embedded: string

  it('is unpacked by two first runs at once, each saying so on one line, into one folder', async () => {
    const runs = await Promise.all([printInBackground('first'), printInBackground('second')])
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr.match(/unpacking the browser, once/g)?.length ?? 0).toBeLessThanOrEqual(1)
    }
    expect(runs.some((run) => run.stderr.includes('unpacking the browser, once'))).toBe(true)
    expect(readdirSync(path.join(cache, 'deckhand'))).toEqual(['chromium-143.0.4'])
  }, 180_000)

  it('prints the example deck with --browser embedded', async () => {
    embedded = printExample('embedded', 'embedded')
    const pdf = await readPdf(embedded)
    const project = await findProject({ root: ROOT, cwd: ROOT })
    const built = await buildDeck(project, 'pytorch-story', { outDir: path.join(out, 'built') })
    expect(pdf.pages).toBe(built.value.slides.length)
    expect(pdf.text.join(' ')).toContain('How PyTorch Won')
  }, 180_000)

  // Where the machine has a system browser, this compares both; where it has none, it proves the
  // default lookup falls back to the embedded one.
  it(`prints the same pages with the browser found by default (${system ?? 'none on this machine: the embedded one'})`, () => {
    const other = printExample(undefined, 'default')
    const a = renderPages(embedded, 30)
    const b = renderPages(other, 30)
    expect(b.length).toBe(a.length)
    for (const [i, page] of a.entries()) expect(differingShare(page, b[i]!), `page ${i + 1}`).toBeLessThan(0.005)
  }, 180_000)
})
