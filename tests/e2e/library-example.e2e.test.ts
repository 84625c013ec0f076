// The README's "From code" example, run as a library user runs it: the block as written, in a
// project of its own, importing the built package (lib/bundle/index.mjs, what `deckhand` resolves to).
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { readPdf } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const project = mkdtempSync(path.join(os.tmpdir(), 'deckhand-library-'))
afterAll(() => rmSync(project, { recursive: true, force: true }))

/** The js block right after the README's library-example marker. */
function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const marker = readme.indexOf('<!-- library-example:')
  expect(marker).toBeGreaterThan(0)
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(marker))
  return block![1]!
}

it('builds, prints and checks a deck exactly as the README shows', async () => {
  const code = readmeExample()
  expect(code).toContain("from 'deckhand'")
  const deck = path.join(project, 'content', 'talk')
  mkdirSync(deck, { recursive: true })
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n')
  writeFileSync(path.join(deck, 'deck.yml'), 'title: From code\nauthor: A library user\ndate: "2026-12-01"\nhandouts:\n  layouts: [3-up]\n')
  writeFileSync(path.join(deck, '01-start.md'), '---\ntitle: Start\n---\n\n## One\n\n- a point\n\nNote: Say it.\n\n---\n\n## Two\n\n:::handout\nRead this later.\n:::\n')
  const entry = pathToFileURL(path.join(ROOT, 'lib', 'bundle', 'index.mjs')).href
  writeFileSync(path.join(project, 'example.mjs'), code.replace("from 'deckhand'", `from ${JSON.stringify(entry)}`))
  const { stdout } = await promisify(execFile)(process.execPath, ['example.mjs'], { cwd: project, timeout: 110_000 })
  expect(stdout).toMatch(/^2 PDFs; \d+\.\d minutes$/m)
  // No problem was printed: the deck is clean.
  expect(stdout.trim().split('\n')).toHaveLength(1)
  const slides = await readPdf(path.join(project, 'dist', 'talk', 'slides.pdf'))
  expect(slides.pages).toBe(4) // title, the chapter's section slide, One, Two
  const handout = await readPdf(path.join(project, 'dist', 'talk', 'handout-3-up.pdf'))
  expect(handout.text.join(' ')).toContain('Read this later.')
}, 120_000)
