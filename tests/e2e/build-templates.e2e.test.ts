// The built CLI renders built-in templates from the code compiled when the package was built;
// a deck's own copy of one, edited by a line, must render as edited, and an unedited copy as the
// built-in does.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const CLI = path.join(ROOT, 'bin/deckhand.js')
const folder = mkdtempSync(path.join(os.tmpdir(), 'deckhand-e2e-templates-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function project(name: string, templates: Record<string, string>): string {
  const root = path.join(folder, name)
  mkdirSync(path.join(root, 'content', 'talk'), { recursive: true })
  writeFileSync(path.join(root, 'package.json'), '{ "name": "t", "private": true }\n')
  writeFileSync(path.join(root, 'content', 'talk', 'deck.yml'), 'title: Templates\ntitleSlide: false\nagenda: false\n')
  writeFileSync(path.join(root, 'content', 'talk', '01-a.md'), '## One\n\n- a point\n\n---\n\n## Two\n\n```python\nprint(1)\n```\n')
  for (const [file, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(root, 'templates', file)), { recursive: true })
    writeFileSync(path.join(root, 'templates', file), text)
  }
  return root
}

function build(root: string): string {
  const run = spawnSync(process.execPath, [CLI, 'build', 'talk', '--root', root], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8')
}

describe('built-in templates compiled with the package', () => {
  const builtIn = (file: string) => readFileSync(path.join(ROOT, 'templates', file), 'utf8')

  it("are there to use, and render what a deck's own copies say", () => {
    expect(existsSync(path.join(ROOT, 'lib', 'precompiled-templates.json'))).toBe(true)
    const plain = build(project('plain', {}))
    const copied = build(project('copied', { 'slides/content.hbs': builtIn('slides/content.hbs'), 'deck.hbs': builtIn('deck.hbs') }))
    expect(copied).toBe(plain)
    const edited = build(project('edited', { 'slides/content.hbs': builtIn('slides/content.hbs').replace('<div class="dh-body">', '<div class="dh-body dh-own-copy">') }))
    expect(edited.match(/dh-own-copy/g)).toHaveLength(1)
    expect(edited.replace(' dh-own-copy', '')).toBe(plain)
  })
})
