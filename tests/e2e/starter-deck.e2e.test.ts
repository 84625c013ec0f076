import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { createDeck } from '../../src/scaffold/create-deck.js'

// The starter deck has a diagram, so building it draws one in Chromium.
describe('deckhand new', () => {
  let root: string
  let cache: string
  const before = process.env.DECKHAND_CACHE_DIR
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-new-'))
    cache = mkdtempSync(path.join(os.tmpdir(), 'deckhand-cache-'))
    process.env.DECKHAND_CACHE_DIR = cache
    writeFileSync(path.join(root, 'package.json'), '{}')
  })
  afterEach(() => {
    if (before === undefined) delete process.env.DECKHAND_CACHE_DIR
    else process.env.DECKHAND_CACHE_DIR = before
    rmSync(root, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  })

  it('creates a deck that builds without errors or warnings, with a diagram and formulas', async () => {
    const created = await createDeck(await findProject({ cwd: root }), 'kickoff', { title: 'Kick-off: "2027"', date: '2026-11-26' })
    expect(created.files.map((f) => path.relative(root, f)).sort()).toEqual([
      'content/kickoff/01-introduction.md',
      'content/kickoff/02-details.md',
      'content/kickoff/deck.yml',
      'content/kickoff/images/pipeline.svg',
    ])
    const project = await findProject({ cwd: root })
    const built = await buildDeck(project, 'kickoff')
    expect(built.diagnostics).toEqual([])
    expect(built.value.config.title).toBe('Kick-off: "2027"')
    const html = readFileSync(path.join(root, 'dist/kickoff/index.html'), 'utf8')
    expect(html).toContain('class="fragment')
    expect(html).toContain('<aside class="notes">')
    expect(html).toContain('pipeline.svg')
    expect(html).toMatch(/<figure class="dh-diagram"><div class="dh-diagram-canvas" role="img" aria-label="A flowchart[^"]*"><svg /)
    expect(html).toContain('<figcaption>Drawn at build time, in the theme&#39;s colours and fonts</figcaption>')
    expect(html.match(/class="katex"/g)).toHaveLength(2)
    expect(html).toContain('a price like $5 stays text')
    expect(html).toContain('✨')
    expect(built.value.slides.map((s) => s.layout)).toEqual(expect.arrayContaining(['timeline', 'code', 'image', 'cards', 'two-column', 'quote']))
  })
})
