import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.js'
import { tempDir, tempProject, writeFiles } from '../../helpers/temp-dir.js'

const TALK = `---
title: A lone talk
author: Ada Lovelace
theme: midnight
---

# First slide

Hello

---

## Second

- one
`

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false)

describe('a lone Markdown file is a deck', () => {
  it('builds beside itself, in a folder with no package.json, its front matter as deck.yml', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'talk.md': TALK })
    const r = await runCli(dir, 'build', 'talk.md')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^built talk: 3 slides -> talk\/index\.html/)
    const html = await readFile(path.join(dir, 'talk', 'index.html'), 'utf8')
    expect(html).toContain('<title>A lone talk')
    expect(html).toContain('Ada Lovelace')
    expect(await readFile(path.join(dir, 'talk', 'theme.css'), 'utf8')).toContain('midnight')
    // One chapter: no agenda, and the title opens no section slide besides the title slide.
    expect(html).not.toContain('data-layout="agenda"')
  })

  it('writes where --out says, relative to the current folder, and keeps the file untouched', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'slides/talk.md': TALK })
    const r = await runCli(dir, 'build', 'slides/talk.md', '--out', 'site')
    expect(r.code).toBe(0)
    expect(await exists(path.join(dir, 'site', 'talk', 'index.html'))).toBe(true)
    expect(await exists(path.join(dir, 'slides', 'talk'))).toBe(false)
    expect(await readFile(path.join(dir, 'slides', 'talk.md'), 'utf8')).toBe(TALK)
  })

  it('takes its title from the first heading when the front matter has none, with no title slide', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'notes.md': '# Plain title\n\ntext\n\n---\n\n## Two\n' })
    const r = await runCli(dir, 'build', 'notes.md')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/built notes: 2 slides/)
    expect(await readFile(path.join(dir, 'notes', 'index.html'), 'utf8')).toContain('<title>Plain title')
  })

  it('reports a wrong deck setting in the front matter at its line', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'talk.md': '---\ntitle: T\nduration: long\n---\n\n# A\n' })
    const r = await runCli(dir, 'build', 'talk.md')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/talk\.md:3:\d+ +error .*\[config-invalid\]/)
    expect(await exists(path.join(dir, 'talk'))).toBe(false)
  })

  it('reads nothing outside its folder', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'secret.png': 'x', 'talk/slides.md': '# A\n\n![x](../secret.png)\n' })
    const r = await runCli(path.join(dir, 'talk'), 'build', 'slides.md')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('[path-outside-project]')
  })

  it('does not replace a folder of that name it did not make', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'talk.md': TALK, 'talk/keep.txt': 'mine' })
    const r = await runCli(dir, 'build', 'talk.md')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('[output-not-ours]')
    expect(await readFile(path.join(dir, 'talk', 'keep.txt'), 'utf8')).toBe('mine')
  })

  it('refuses an --out that would put the output over the folder holding the file', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'talk/talk.md': TALK })
    const r = await runCli(path.join(dir, 'talk'), 'build', 'talk.md', '--out', '..')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('[output-unsafe]')
    expect(await readFile(path.join(dir, 'talk', 'talk.md'), 'utf8')).toBe(TALK)
  })
})

describe('decks named by folder, or by where the command runs', () => {
  const project = (): string =>
    tempProject({
      'content/alpha/deck.yml': 'title: Alpha\n',
      'content/alpha/01.md': '# One\n',
      'content/beta/deck.yml': 'title: Beta\n',
      'content/beta/01.md': '# Two\n',
    })

  it('inside a deck folder, acts on that deck only', async () => {
    const root = project()
    const r = await runCli(path.join(root, 'content', 'beta'), 'build')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^built beta: /)
    expect(r.stdout).not.toContain('alpha')
  })

  it('`build .` and a path to the folder name the deck', async () => {
    const root = project()
    expect((await runCli(path.join(root, 'content', 'alpha'), 'build', '.')).stdout).toMatch(/^built alpha: /)
    expect((await runCli(root, 'build', 'content/beta')).stdout).toMatch(/^built beta: /)
  })

  it('a mistyped deck name gets "did you mean"', async () => {
    const root = project()
    const r = await runCli(root, 'build', 'alhpa')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('did you mean "alpha"?')
    expect(r.stderr).toContain('[deck-not-found]')
  })

  it('outside any project, says a Markdown file can be named', async () => {
    const r = await runCli(tempDir(), 'build')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('[project-not-found]')
    expect(r.stderr).toContain('deckhand build talk.md')
  })
})
