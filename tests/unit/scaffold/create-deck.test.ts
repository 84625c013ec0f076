import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { findProject } from '../../../src/project/find-project.js'
import { createDeck } from '../../../src/scaffold/create-deck.js'
import { starterDeckFiles, titleFromName } from '../../../src/scaffold/starter-deck.js'
import { validateDeckName } from '../../../src/scaffold/validate-deck-name.js'

describe('validateDeckName', () => {
  it.each(['talk', 'team-offsite', 'q3_review', 'v1.2', '2026-kickoff'])('accepts %s', (name) => {
    expect(validateDeckName(name)).toBeUndefined()
  })
  it.each(['', '..', '.hidden', '../escape', 'a/b', 'a\\b', 'with space', 'trailing.', 'con', 'NUL.txt', 'é', '-flag', 'x'.repeat(65)])('refuses %j', (name) => {
    expect(validateDeckName(name)).toEqual(expect.any(String))
  })
})

describe('starterDeckFiles', () => {
  it('writes any title as a safe YAML string and shows the dialect', () => {
    const files = starterDeckFiles({ name: 'x', title: 'Say "hi": #1 \\ done', date: '2026-01-02' })
    expect(files['deck.yml']).toContain('title: "Say \\"hi\\": #1 \\\\ done"')
    const chapters = files['01-introduction.md']! + files['02-details.md']!
    for (const feature of ['Note:', '<!-- template: ', '+ ', '{+}', ':::columns', '|||', '```ts {2}', '![', ':::handout', '```mermaid', '$$']) expect(chapters).toContain(feature)
    expect(files['images/pipeline.svg']).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  })
  it('derives a title from the name', () => {
    expect(titleFromName('quarterly-review_2026')).toBe('Quarterly review 2026')
  })
})

describe('createDeck', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-new-'))
    writeFileSync(path.join(root, 'package.json'), '{}')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('refuses to overwrite an existing deck and leaves it as it was', async () => {
    const project = await findProject({ cwd: root })
    await createDeck(project, 'talk')
    const yml = path.join(root, 'content/talk/deck.yml')
    writeFileSync(yml, 'title: mine\n')
    await expect(createDeck(project, 'talk')).rejects.toBeInstanceOf(DeckError)
    expect(readFileSync(yml, 'utf8')).toBe('title: mine\n')
  })

  it('refuses unsafe names before touching the disk', async () => {
    const project = await findProject({ cwd: root })
    await expect(createDeck(project, '../outside')).rejects.toMatchObject({ diagnostic: { code: 'config-invalid' } })
  })
})
