import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { loadTemplates } from '../../../src/render/load-templates.js'

const root = await mkdtemp(path.join(tmpdir(), 'dh-templates-'))
afterAll(() => rm(root, { recursive: true, force: true }))

async function write(file: string, text: string): Promise<string> {
  const full = path.join(root, file)
  await mkdir(path.dirname(full), { recursive: true })
  await writeFile(full, text)
  return full
}

describe('loadTemplates', () => {
  it('lets a higher folder override a name and keeps the rest from lower folders', async () => {
    await write('built-in/deck.hbs', 'built-in shell')
    await write('built-in/deck.css', '.a{}')
    await write('built-in/slides/content.hbs', 'built-in content')
    await write('built-in/slides/title.hbs', 'built-in title')
    await write('built-in/partials/footer.hbs', 'built-in footer')
    await write('built-in/handouts/notes.hbs', 'notes')
    await write('built-in/handouts/handouts.css', '.print-a{}')
    await write('deck/handouts/handouts.css', '.print-b{}')
    const deckContent = await write('deck/slides/content.hbs', 'deck content')
    await write('deck/deck.css', '.b{}')
    await write('deck/slides/README.md', 'not a template')
    const set = await loadTemplates([path.join(root, 'deck'), path.join(root, 'missing'), path.join(root, 'built-in')])
    expect(set.shell.source).toBe('built-in shell')
    expect(set.slides.get('content')).toEqual({ source: 'deck content', file: deckContent })
    expect(set.slides.get('title')?.source).toBe('built-in title')
    expect([...set.slides.keys()].sort()).toEqual(['content', 'title'])
    expect(set.partials.get('footer')?.source).toBe('built-in footer')
    expect(set.handouts.get('notes')?.source).toBe('notes')
    expect(set.styles.map((s) => s.source)).toEqual(['.a{}', '.b{}'])
    expect(set.handoutStyles.map((s) => s.source)).toEqual(['.print-a{}', '.print-b{}'])
    expect([...set.handouts.keys()]).toEqual(['notes'])
    expect(set.searched).toEqual([path.join(root, 'deck'), path.join(root, 'missing'), path.join(root, 'built-in')])
  })

  it('fails with the folders it searched when no deck.hbs exists', async () => {
    const dir = path.join(root, 'empty')
    await mkdir(dir, { recursive: true })
    const err = await loadTemplates([dir]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).diagnostic).toMatchObject({ code: 'template-not-found', hint: expect.stringContaining(dir) })
  })
})
