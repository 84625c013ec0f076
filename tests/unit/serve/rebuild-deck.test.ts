import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { findProject, type Project } from '../../../src/project/find-project.js'
import { createDeckBuilder, type DeckBuilder } from '../../../src/serve/rebuild-deck.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
let root: string
let project: Project
let builder: DeckBuilder
let chapter: string
let original: string

async function files(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const out = new Map<string, string>()
  for (const e of entries.filter((x) => x.isFile())) {
    const file = path.join(e.parentPath, e.name)
    out.set(path.relative(dir, file), (await readFile(file)).toString('base64'))
  }
  return out
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'deckhand-rebuild-'))
  await cp(path.join(ROOT, 'content/pytorch-story'), path.join(root, 'content/pytorch-story'), { recursive: true })
  // Without its diagram, the example builds with no browser (the e2e tests draw diagrams).
  const phases = path.join(root, 'content/pytorch-story/02-four-phases.md')
  await writeFile(phases, (await readFile(phases, 'utf8')).replace(/```mermaid[\s\S]*?\n```\n/g, ''))
  await writeFile(path.join(root, 'package.json'), '{}')
  project = await findProject({ cwd: root })
  builder = createDeckBuilder(project, 'pytorch-story', { outDir: path.join(root, 'serve') })
  chapter = path.join(root, 'content/pytorch-story/03-timeline.md')
  original = await readFile(chapter, 'utf8')
})

afterAll(() => rm(root, { recursive: true, force: true }))

// Each test builds the 46-slide example, formulas typeset: seconds on a loaded machine.
describe('createDeckBuilder', { timeout: 30_000 }, () => {
  it('writes the same output as buildDeck', async () => {
    const first = await builder.build('all')
    expect(first.result.diagnostics).toEqual([])
    await buildDeck(project, 'pytorch-story', { outDir: path.join(root, 'full') })
    expect(await files(path.join(root, 'serve/pytorch-story'))).toEqual(await files(path.join(root, 'full/pytorch-story')))
  }, 30_000) // two whole builds of the example deck, on a shared machine

  it('after one chapter edit, reuses the rest and writes only index.html', async () => {
    const fontBefore = (await stat(path.join(root, 'serve/pytorch-story/reveal/reveal.js')).catch(() => undefined))?.mtimeMs
    await writeFile(chapter, original.replace('Torch7: a Lua library', 'Torch7, edited: a Lua library'))
    const { stats, result } = await builder.build([chapter])
    expect(stats.written).toBe(1)
    expect(stats.reused).toEqual(expect.arrayContaining(['templates', 'theme', '01-why-it-matters.md', '06-discussion.md']))
    expect(stats.reused).not.toContain('03-timeline.md')
    expect(result.value.slides.some((s) => s.data.body.includes('Torch7, edited'))).toBe(true)
    expect(await readFile(path.join(root, 'serve/pytorch-story/index.html'), 'utf8')).toContain('Torch7, edited')
    if (fontBefore !== undefined) expect((await stat(path.join(root, 'serve/pytorch-story/reveal/reveal.js'))).mtimeMs).toBe(fontBefore)
    // Still what a full build gives for the same input.
    await buildDeck(project, 'pytorch-story', { outDir: path.join(root, 'full') })
    expect(await files(path.join(root, 'serve/pytorch-story'))).toEqual(await files(path.join(root, 'full/pytorch-story')))
  })

  it('throws on a broken save and leaves the last good output; recovers on the next good one', async () => {
    await writeFile(chapter, original.replace('<!-- template: timeline -->', '<!-- template: no-such-layout -->'))
    const before = await readFile(path.join(root, 'serve/pytorch-story/index.html'), 'utf8')
    await expect(builder.build([chapter])).rejects.toBeInstanceOf(DeckError)
    expect(await readFile(path.join(root, 'serve/pytorch-story/index.html'), 'utf8')).toBe(before)
    await writeFile(chapter, original)
    const { stats } = await builder.build([chapter])
    expect(stats.written).toBe(1)
    expect(await readFile(path.join(root, 'serve/pytorch-story/index.html'), 'utf8')).not.toContain('Torch7, edited')
  })

  it('removes an image the deck no longer uses', async () => {
    const image = path.join(root, 'serve/pytorch-story/media/images/eager-vs-graph.svg')
    await stat(image)
    await writeFile(chapter, original.replace('(images/eager-vs-graph.svg)', '(images/ecosystem.svg)'))
    const { stats } = await builder.build([chapter])
    expect(stats.removed).toBe(1)
    await expect(stat(image)).rejects.toThrow()
    await writeFile(chapter, original)
    await builder.build([chapter])
    await stat(image)
  })
})

describe('createDeckBuilder after the folder is replaced', { timeout: 30_000 }, () => {
  it('writes everything again when the output folder was removed or swapped', async () => {
    const out = path.join(root, 'serve/pytorch-story')
    await rm(out, { recursive: true, force: true })
    const { stats } = await builder.build([chapter])
    expect(stats.unchanged).toBe(0)
    expect(stats.written).toBeGreaterThan(10)
    await stat(path.join(out, 'index.html'))
    await buildDeck(project, 'pytorch-story', { outDir: path.join(root, 'serve') }) // swaps the folder
    expect((await builder.build([chapter])).stats.unchanged).toBe(0)
  })
})
