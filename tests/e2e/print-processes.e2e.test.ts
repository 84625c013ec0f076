// How many pages and renderer processes a print keeps: each renderer holds tens of MB for the
// whole print, so a product prints in Chromium's start tab, and no spare renderer waits beside it.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import type { PrintProduct } from '../../src/print/render-print-document.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { writeFixtureDeck } from './helpers/fixture-deck.js'

let dir: string
let fixture: BuiltDeck

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-print-processes-'))
  fixture = await writeFixtureDeck(dir)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Renderer processes below `pid` (Linux: read from ps). */
function renderersBelow(pid: number): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n')
  const procs = rows.map((row) => {
    const [p, pp, ...args] = row.trim().split(/\s+/)
    return { pid: Number(p), ppid: Number(pp), args: args.join(' ') }
  })
  const tree = new Set([pid])
  for (let grew = true; grew; ) {
    grew = false
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true))
  }
  return procs.filter((p) => tree.has(p.pid) && p.args.includes('--type=renderer')).length
}

/** Prints `products`; counts the pages opened besides the start tab, and the most renderers alive at once. */
async function printCounting(products: readonly PrintProduct[]): Promise<{ opened: number; renderers: number; files: number }> {
  const handle = await launchBrowser({ timeoutMs: 60_000 })
  let opened = 0
  handle.browser.on('targetcreated', (target) => void (target.type() === 'page' && opened++))
  const pid = handle.browser.process()!.pid!
  let renderers = 0
  const timer = setInterval(() => (renderers = Math.max(renderers, renderersBelow(pid))), 50)
  try {
    const result = await exportPdfs(fixture, { products, paper: 'A4', timeoutMs: 60_000, concurrency: 2, browser: Promise.resolve(handle) })
    expect(result.diagnostics).toEqual([])
    return { opened, renderers, files: result.value.files.length }
  } finally {
    clearInterval(timer)
  }
}

describe('a print and its processes', () => {
  it('prints one product in the start tab, with one renderer process', async () => {
    const { opened, renderers, files } = await printCounting(['notes'])
    expect(files).toBe(1)
    expect(opened).toBe(0)
    expect(renderers).toBe(1)
  }, 120_000)

  it('opens a page of its own only for a second product printing beside the first', async () => {
    const { opened, renderers, files } = await printCounting(['notes', 'slides'])
    expect(files).toBe(2)
    expect(opened).toBe(1)
    expect(renderers).toBe(2)
  }, 120_000)
})
