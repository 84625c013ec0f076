// `kill -9` of `deckhand pdf` while Chromium prints: nothing can run in deckhand to clean up,
// yet no Chromium process outlives it (the browser talks over a pipe and ends when it closes),
// Chromium's scratch folders stayed inside the run's own temp folder, and the next run removes
// that folder and any temp file the killed run left in the output.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it, onTestFinished } from 'vitest'
// @ts-expect-error: a plain .mjs script shared with the benchmark, without types
import { generateBenchProject } from '../../scripts/generate-bench-deck.mjs'
import { alive, descendants } from './helpers/processes.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const CLI = path.join(ROOT, 'bin/deckhand.js')
const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-cli-kill-'))
// The runs' own temp folder, so that what they leave in it can be seen; short, as a user's is
// (Chromium's socket path below it must fit in 107 bytes).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dh-k-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(tmp, { recursive: true, force: true })
})

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

it('kill -9 while printing leaves no Chromium running, and the next run removes what it left', async () => {
  await generateBenchProject(dir, 1200)
  const env = { ...process.env, TMPDIR: tmp }
  const args = [CLI, 'pdf', 'bench', '--root', dir, '--handout', 'none']
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)))
  // A failed assertion before the kill must not leave deckhand and its Chromium running.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  for (let waited = 0; !out.includes('built bench'); waited += 50) {
    if (waited > 90_000 || child.exitCode !== null) throw new Error(`the build never finished:\n${out}`)
    await sleep(50)
  }
  // Well into loading and printing the 1,200-slide document.
  await sleep(1500)
  const browser = descendants(child.pid!).filter((p) => /chrom/i.test(p.cmdline))
  expect(browser.length, `Chromium is running under deckhand:\n${out}`).toBeGreaterThan(0)
  const runs = readdirSync(tmp).filter((n) => n.startsWith('dh-run-'))
  expect(runs).toEqual([expect.stringMatching(new RegExp(`^dh-run-${child.pid}-`))])
  // Whatever scratch files Chromium makes (the system build makes org.chromium.* for shared
  // memory; the embedded one may make none) go into the run's folder, none loose in the temp folder.
  expect(readdirSync(tmp).filter((n) => n.startsWith('org.chromium.'))).toEqual([])

  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  for (let waited = 0; browser.some((p) => alive(p.pid)) && waited < 10_000; waited += 100) await sleep(100)
  expect(browser.filter((p) => alive(p.pid)).map((p) => p.cmdline)).toEqual([])
  // Chromium's own scratch folders went into the run's folder, never loose in the temp folder.
  expect(readdirSync(tmp).filter((n) => n.startsWith('org.chromium.'))).toEqual([])
  expect(existsSync(path.join(dir, 'dist', 'bench', 'slides.pdf'))).toBe(false)

  const again = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 180_000 })
  expect(again.status, again.stderr).toBe(0)
  expect(readdirSync(tmp)).toEqual([])
  expect(readdirSync(path.join(dir, 'dist', 'bench')).filter((n) => n.endsWith('.tmp'))).toEqual([])
  expect(existsSync(path.join(dir, 'dist', 'bench', 'slides.pdf'))).toBe(true)
}, 240_000)
