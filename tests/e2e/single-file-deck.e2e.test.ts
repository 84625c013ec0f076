// A talk.md alone in an empty folder, as a reveal-md or Marp user has it: the real CLI builds it,
// prints it in real Chromium beside the file, and previews it with a rebuild on save (and only
// on save: the build written into the same folder does not trigger another).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readPdf, renderPages } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const CLI = path.join(ROOT, 'bin/deckhand.js')
const folder = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-lone-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const TALK = `---
title: A lone talk
author: Ada Lovelace
theme: midnight
handouts: { layouts: [3-up] }
---

# First slide

Hello from one file

![a square](square.svg)

---

## Second slide

- one
- two

Note: remember to breathe
`
writeFileSync(path.join(folder, 'talk.md'), TALK)
writeFileSync(path.join(folder, 'square.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#e03131"/></svg>\n')

function deckhand(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
}

describe('deckhand pdf talk.md in an empty folder', () => {
  const run = deckhand('pdf', 'talk.md')

  it('builds and prints beside the file, a line per PDF with its real page count', () => {
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^built talk: 3 slides -> talk\/index\.html/m)
    expect(run.stdout).toMatch(/^ {2}talk\/slides\.pdf: 3 pages, \d+\.\d s$/m)
    expect(run.stdout).toMatch(/^ {2}talk\/handout-3-up\.pdf: \d+ pages?, \d+\.\d s$/m)
    expect(readdirSync(folder).sort()).toEqual(['square.svg', 'talk', 'talk.md'])
    expect(readdirSync(path.join(folder, 'talk'))).toEqual(expect.arrayContaining(['index.html', 'slides.pdf', 'handout-3-up.pdf', 'media']))
    expect(readdirSync(path.join(folder, 'talk', 'media')).some((f) => f.endsWith('.svg'))).toBe(true)
  })

  it('takes the deck settings from the front matter: title, author, theme, handouts', async () => {
    const pdf = await readPdf(path.join(folder, 'talk', 'slides.pdf'))
    expect(pdf.pages).toBe(3)
    expect(pdf.text[0]).toContain('A lone talk')
    expect(pdf.text[0]).toContain('Ada Lovelace')
    expect(pdf.text[1]).toContain('Hello from one file')
    expect(pdf.text[2]).toContain('Second slide')
    expect(pdf.info.Title).toBe('A lone talk')
    expect(pdf.info.Author).toBe('Ada Lovelace')
    const handout = await readPdf(path.join(folder, 'talk', 'handout-3-up.pdf'))
    expect(handout.text.join(' ')).toContain('Second slide')
  })

  it('prints in the theme the front matter names, with the picture beside the file', () => {
    const [, slide] = renderPages(path.join(folder, 'talk', 'slides.pdf'), 30, 1, 2)
    // midnight is dark navy; the default daylight is warm paper.
    expect(slide!.grey(5, 5)).toBeLessThan(80)
    // The red square: somewhere on the slide a pixel of its grey level (red is about 88 in grey).
    let red = 0
    for (let y = 0; y < slide!.height; y += 2) for (let x = 0; x < slide!.width; x += 2) if (Math.abs(slide!.grey(x, y) - 90) < 15) red++
    expect(red).toBeGreaterThan(20)
  })

  it('builds again over its own output, and says which deck when the name is mistyped', () => {
    expect(deckhand('build', 'talk.md').status).toBe(0)
    const wrong = deckhand('build', 'tlak.md')
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('[project-not-found]')
    expect(wrong.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('deckhand serve talk.md', () => {
  it('serves the deck, rebuilds once when the file is saved, and not for its own output', async () => {
    const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', 'talk.md', '--port', '0'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s))
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s))
    const until = async (test: () => boolean, what: string): Promise<void> => {
      for (let i = 0; i < 600 && !test(); i++) await new Promise((r) => setTimeout(r, 100))
      if (!test()) throw new Error(`${what} did not happen:\n${output}`)
    }
    try {
      await until(() => /serving talk at http:\/\/127\.0\.0\.1:\d+\//.test(output), 'serving')
      const url = /serving talk at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!
      const page = await new Promise<string>((resolve, reject) => http.get(`${url}/`, (res) => { let body = ''; res.on('data', (c: Buffer) => (body += c.toString())); res.on('end', () => resolve(body)) }).on('error', reject))
      expect(page).toContain('Hello from one file')
      const builds = (): number => output.match(/^built /gm)?.length ?? 0
      const before = builds()
      writeFileSync(path.join(folder, 'talk.md'), TALK.replace('Hello from one file', 'Hello again'))
      await until(() => builds() > before, 'a rebuild')
      // Writing talk/ beside the file must not start a rebuild of its own.
      await new Promise((r) => setTimeout(r, 1500))
      expect(builds()).toBe(before + 1)
      expect(output).toMatch(/built talk\.md in \d+ ms/)
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }, 120_000)
})
