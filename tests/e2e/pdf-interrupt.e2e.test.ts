// An export interrupted with SIGTERM while Chromium prints leaves no PDF, no temp file, no
// browser process and no browser profile behind, and the process still ends by that signal.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { alive, descendants } from './helpers/processes.js'

const require = createRequire(import.meta.url)
const VITE_NODE = path.join(path.dirname(require.resolve('vite-node/package.json')), 'vite-node.mjs')
const SCRIPT = path.resolve(import.meta.dirname, 'helpers/export-big-deck.ts')
const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-interrupt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

it('SIGTERM during printing leaves no PDF, temp file, Chromium or profile behind', async () => {
  const child = spawn(process.execPath, [VITE_NODE, SCRIPT, dir, '1200'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  )
  for (let waited = 0; !out.includes('printing slides'); waited += 50) {
    if (waited > 90_000 || child.exitCode !== null) throw new Error(`the export never started printing:\n${out}\n${err}`)
    await sleep(50)
  }
  // Let Chromium get well into loading and printing the 1,200-page document.
  await sleep(1500)
  const browser = descendants(child.pid!).filter((p) => /chrom/i.test(p.cmdline))
  expect(browser.length, 'Chromium is running under the export').toBeGreaterThan(0)
  const profile = /--user-data-dir=(\S+)/.exec(browser.map((p) => p.cmdline).join(' '))?.[1]
  expect(profile && existsSync(profile)).toBe(true)
  expect(out).not.toContain('done slides')

  child.kill('SIGTERM')
  const { signal } = await exited
  expect(signal).toBe('SIGTERM')
  await sleep(300)
  expect(browser.filter((p) => alive(p.pid)).map((p) => p.cmdline)).toEqual([])
  expect(existsSync(profile!)).toBe(false)
  expect(readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([])
}, 120_000)
