// A deck's templates/handouts/handouts.css cascades over the built-in print CSS, as its deck.css
// does over the slide CSS: read back from a real `deckhand pdf` run.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { readPdf } from './helpers/read-pdf.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-print-css-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  writeFileSync(path.join(dir, file), text)
}

it("applies a deck's handouts.css after the built-in one", async () => {
  write('package.json', '{ "name": "print-css", "private": true }\n')
  write('content/talk/deck.yml', 'title: Print CSS\nagenda: false\ntitleSlide: false\n')
  write('content/talk/01-intro.md', '## First\n\n- one\n\nNote: The first note.\n\n---\n\n## Second\n\n- two\n\nNote: The second note.\n')
  // The marker proves the deck's rule ran; the cover still breaking onto its own page proves
  // the built-in rules still hold underneath it.
  write('content/talk/templates/handouts/handouts.css', '.dhp-notes::after { content: "Marked by the deck print CSS"; }\n')
  execFileSync(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), 'pdf', 'talk', '--root', dir, '--no-slides', '--handout', 'notes'], { stdio: 'pipe' })
  const notes = await readPdf(path.join(dir, 'dist/talk/handout-notes.pdf'))
  expect(notes.pages).toBe(3)
  expect(notes.text[0]).not.toContain('Marked by the deck print CSS')
  expect(notes.text[1]).toContain('The first note.')
  expect(notes.text[1]).toContain('Marked by the deck print CSS')
  expect(notes.text[2]).toContain('Marked by the deck print CSS')
}, 60_000)
