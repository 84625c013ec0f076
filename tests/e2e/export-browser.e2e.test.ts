// The slide pictures' browser, as `deckhand export` runs it: what it could not load (a URL
// outside the project, an image that does not decode) is told at the chapter line that asked
// for it, for the PNGs and the PowerPoint's figures, and no browser is left running.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'
import { tempProject } from '../helpers/temp-dir.js'
import { descendants } from './helpers/processes.js'

const TEX = String.raw`\sum_{i=1}^{n} x_i^2`
// Line 9 asks for a file on the network; line 15 is a display formula (a figure of the PowerPoint).
const REMOTE = '## First\n\nText.\n\n---\n\n## Remote\n\n![a pixel](http://192.0.2.1/pixel.png)\n\n---\n\n## A formula\n\n$$\n' + TEX + '\n$$\n'
// Line 3 shows a file that is no picture.
const BROKEN = '## Broken\n\n![broken](images/broken.png)\n'

let project: string

beforeAll(() => {
  project = tempProject({
    'content/remote/deck.yml': 'title: Remote\ntitleSlide: false\nagenda: false\n',
    'content/remote/01-talk.md': REMOTE,
    'content/broken/deck.yml': 'title: Broken\ntitleSlide: false\nagenda: false\n',
    'content/broken/01-talk.md': BROKEN,
    'content/broken/images/broken.png': 'not a picture\n',
  }, 'deckhand-e2e-export-browser-')
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
