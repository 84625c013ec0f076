// The slide pictures' browser, as `deckhand export` runs it: one for the whole run, however
// many formats need it (counted by a --browser that logs each start before it runs Chromium);
// what it could not load (a URL outside the project, an image that does not decode) is told at
// the chapter line that asked for it, for the PNGs and the PowerPoint's figures; and no browser
// is left running.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/find-browser.js'
import { runCli } from '../helpers/run-cli.js'
import { tempProject } from '../helpers/temp-dir.js'
import { descendants } from './helpers/processes.js'

const TEX = String.raw`\sum_{i=1}^{n} x_i^2`
// Line 9 asks for a file on the network; line 15 is a display formula (a figure of the PowerPoint).
const REMOTE = '## First\n\nText.\n\n---\n\n## Remote\n\n![a pixel](http://192.0.2.1/pixel.png)\n\n---\n\n## A formula\n\n$$\n' + TEX + '\n$$\n'
// Line 3 shows a file that is no picture.
const BROKEN = '## Broken\n\n![broken](images/broken.png)\n'

let project: string
let counting: string
let starts: string

beforeAll(async () => {
  project = tempProject({
    'content/remote/deck.yml': 'title: Remote\ntitleSlide: false\nagenda: false\n',
    'content/remote/01-talk.md': REMOTE,
    'content/broken/deck.yml': 'title: Broken\ntitleSlide: false\nagenda: false\n',
    'content/broken/01-talk.md': BROKEN,
    'content/broken/images/broken.png': 'not a picture\n',
    'content/plain/deck.yml': 'title: Plain\n',
    'content/plain/01-talk.md': '## Only text\n\n- a point\n',
  }, 'deckhand-e2e-export-browser-')
  // Chromium's own helpers start from its executable, not from this script: one line per launch.
  starts = path.join(project, 'starts.log')
  counting = path.join(project, 'counting-chromium')
  writeFileSync(counting, `#!/bin/sh\necho started >> '${starts}'\nexec '${await findBrowser()}' "$@"\n`)
  chmodSync(counting, 0o755)
})

afterEach(() => {
  expect(descendants(process.pid).filter((p) => /chrom/i.test(p.cmdline))).toEqual([])
})

/** The `code` diagnostics of a run, as file:line. */
const told = (stderr: string, code: string): string[] => [...stderr.matchAll(new RegExp(`^(\\S+):(\\d+):\\d+ +warning .*\\[${code}\\]$`, 'gm'))].map((m) => `${m[1]}:${m[2]}`)
const untold = (stderr: string, code: string): string[] => stderr.split('\n').filter((l) => /^warning /.test(l) && l.endsWith(`[${code}]`))

describe('what the pictures could not load', () => {
  // For the PowerPoint it is the figures' browser that asks: the formula is photographed.
  it.each(['png', 'pptx'])('export --to %s tells a blocked request at the line that names it, once', async (format) => {
    const run = await runCli(project, 'export', 'remote', '--to', format)
    expect(run.code, run.stderr).toBe(0)
    expect(told(run.stderr, 'request-blocked')).toEqual(['content/remote/01-talk.md:9'])
    expect(untold(run.stderr, 'request-blocked')).toEqual([])
    // The blocked image is not told a second time as one that did not load.
    expect(run.stderr).not.toContain('[image-broken]')
  }, 180_000)

  it('export --to png tells an image that does not load at the line that shows it, though the build moved the file', async () => {
    const run = await runCli(project, 'export', 'broken', '--to', 'png')
    expect(run.code, run.stderr).toBe(0)
    expect(told(run.stderr, 'image-broken')).toEqual(['content/broken/01-talk.md:3'])
    expect(untold(run.stderr, 'image-broken')).toEqual([])
    expect(readdirSync(path.join(project, 'dist/broken')).filter((n) => n.endsWith('.png'))).toEqual(['slide-01.png'])
  }, 180_000)
})

describe('export --to png,pptx', () => {
  it('takes the pictures and the figures in one browser, and tells what it could not load once', async () => {
    writeFileSync(starts, '')
    const run = await runCli(project, 'export', 'remote', '--to', 'png,pptx', '--browser', counting)
    expect(run.code, run.stderr).toBe(0)
    expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(1)
    const out = path.join(project, 'dist/remote')
    expect(readdirSync(out).filter((n) => n.endsWith('.png'))).toHaveLength(3)
    expect(existsSync(path.join(out, 'remote.pptx'))).toBe(true)
    expect(told(run.stderr, 'request-blocked')).toEqual(['content/remote/01-talk.md:9'])
  }, 180_000)

  it('starts no browser for the PowerPoint of a deck without figures', async () => {
    writeFileSync(starts, '')
    const run = await runCli(project, 'export', 'plain', '--to', 'pptx,notes', '--browser', counting)
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(path.join(project, 'dist/plain/plain.pptx'))).toBe(true)
    expect(readFileSync(starts, 'utf8')).toBe('')
  }, 180_000)
})
