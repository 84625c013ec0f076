// `deckhand pdf` starts Chromium while the deck still builds; a SIGTERM during that build must
// not leave the browser or its profile behind, and the process still ends by that signal,
// after one line saying what it interrupted.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script shared with the benchmark, without types
import { generateBenchProject } from '../../scripts/generate-bench-deck.mjs'
import { alive, descendants } from './helpers/processes.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-cli-interrupt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

it('SIGTERM while the deck builds and Chromium starts leaves no Chromium or profile behind', async () => {
  // Big enough that the build is still running when Chromium is up.
  await generateBenchProject(dir, 3000)
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), 'pdf', 'bench', '--root', dir, '--handout', 'none'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)))
  let browser: ReturnType<typeof descendants> = []
  for (let waited = 0; browser.length === 0; waited += 20) {
    if (waited > 60_000 || child.exitCode !== null) throw new Error('Chromium never started')
    await sleep(20)
    browser = descendants(child.pid!).filter((p) => /chrom/i.test(p.cmdline) && p.cmdline.includes('--user-data-dir'))
  }
  const profile = /--user-data-dir=(\S+)/.exec(browser[0]!.cmdline)![1]!
  await sleep(300)
  expect(existsSync(path.join(dir, 'dist', 'bench', 'slides.pdf'))).toBe(false)
  child.kill('SIGTERM')
  expect(await exited).toBe('SIGTERM')
  expect(err.split('\n').filter((line) => line.startsWith('Interrupted by SIGTERM while '))).toHaveLength(1)
  await sleep(300)
  expect(descendants(process.pid).filter((p) => p.cmdline.includes(profile)).filter((p) => alive(p.pid))).toEqual([])
  expect(browser.filter((p) => alive(p.pid)).map((p) => p.cmdline)).toEqual([])
  expect(existsSync(profile)).toBe(false)
}, 120_000)
