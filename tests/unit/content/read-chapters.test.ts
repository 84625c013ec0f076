import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeckError, DeckErrors } from '../../../src/diagnostics/diagnostic.js'
import { readChapterFiles, readDeckConfig, sortChapterFiles } from '../../../src/content/read-chapters.js'
import { resolveDeckConfig } from '../../../src/project/resolve-config.js'

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'deckhand-chapters-'))
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

async function put(rel: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true })
  await writeFile(path.join(tmp, rel), content)
}

const config = (yaml: string, file = path.join(tmp, 'talk/deck.yml')) => resolveDeckConfig(yaml, file).value

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: unknown) => err,
  )
}

/** A reader over an in-memory folder, failing like node:fs for missing files. */
function memoryReader(files: Record<string, string>) {
  return async (file: string): Promise<Uint8Array> => {
    const text = files[file]
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' })
    return new TextEncoder().encode(text)
  }
}

describe('sortChapterFiles', () => {
  it('orders by numeric prefix, then unnumbered files alphabetically', () => {
    expect(sortChapterFiles(['intro.md', '10-y.md', '2-x.md', '01-a.md', 'appendix.md', '2-b.md'])).toEqual([
      '01-a.md',
      '2-b.md',
      '2-x.md',
      '10-y.md',
      'appendix.md',
      'intro.md',
    ])
  })
})

describe('readChapterFiles', () => {
  it('reads every .md of the deck folder in prefix order, decoded', async () => {
    await put('talk/10-end.md', '# End\r\n')
    await put('talk/2-middle.md', '# Middle')
    await put('talk/1-start.md', new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x53]))
    await put('talk/deck.yml', 'title: T')
    await put('talk/images/a.md', 'not a chapter: inside a subfolder')
    const chapters = await readChapterFiles(path.join(tmp, 'talk'), config('title: T'))
    expect(chapters).toEqual([
      { file: path.join(tmp, 'talk/1-start.md'), text: '# S' },
      { file: path.join(tmp, 'talk/2-middle.md'), text: '# Middle' },
      { file: path.join(tmp, 'talk/10-end.md'), text: '# End\n' },
    ])
  })

  it('follows the order deck.yml lists, through the injected reader', async () => {
    const dir = '/decks/talk'
    const read = memoryReader({ '/decks/talk/b.md': 'B', '/decks/talk/a.md': 'A' })
    const chapters = await readChapterFiles(dir, config('title: T\nchapters: [b.md, a.md]\n', '/decks/talk/deck.yml'), read)
    expect(chapters.map((c) => [c.file, c.text])).toEqual([
      ['/decks/talk/b.md', 'B'],
      ['/decks/talk/a.md', 'A'],
    ])
  })

  it("reports each listed chapter that does not exist at deck.yml's chapters line", async () => {
    await put('talk/01-a.md', 'A')
    const deckYml = path.join(tmp, 'talk/deck.yml')
    const cfg = config('title: T\n\nchapters:\n  - 01-a.md\n  - 02-b.md\n  - 03-c.md\n', deckYml)
    const err = await rejection(readChapterFiles(path.join(tmp, 'talk'), cfg))
    expect(err).toBeInstanceOf(DeckErrors)
    const diagnostics = (err as DeckErrors).diagnostics
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'chapter-not-found', span: { file: deckYml, line: 3, column: 1 }, message: expect.stringContaining('02-b.md') }),
      expect.objectContaining({ code: 'chapter-not-found', span: { file: deckYml, line: 3, column: 1 }, message: expect.stringContaining('03-c.md') }),
    ])
    expect(diagnostics[0]!.hint).toContain('01-a.md')
  })

  it('reports a chapter that is not UTF-8 by its file', async () => {
    await put('talk/01-a.md', new Uint8Array([0x41, 0xff, 0x42]))
    const err = await rejection(readChapterFiles(path.join(tmp, 'talk'), config('title: T')))
    expect((err as DeckError).diagnostic).toMatchObject({ code: 'file-not-utf8', span: { file: path.join(tmp, 'talk/01-a.md'), line: 1 } })
  })

  it('wraps other read failures as file-unreadable, keeping the cause', async () => {
    const cause = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const read = async (): Promise<Uint8Array> => {
      throw cause
    }
    const err = await rejection(readChapterFiles('/d', config('title: T\nchapters: [a.md]', '/d/deck.yml'), read))
    expect((err as DeckError).diagnostic.code).toBe('file-unreadable')
    expect((err as DeckError).cause).toBe(cause)
  })
})

describe('readDeckConfig', () => {
  it('reads and resolves deck.yml, with overrides and CRLF line ends', async () => {
    await put('content/talk/deck.yml', 'title: T\r\ntheme: midnight\r\ndate: 2026-01-15\r\n')
    const { value, diagnostics } = await readDeckConfig(path.join(tmp, 'content/talk'), { paper: 'Letter' })
    expect(diagnostics).toEqual([])
    expect(value).toMatchObject({ title: 'T', theme: 'midnight', date: '2026-01-15', handouts: { paper: 'Letter' }, file: path.join(tmp, 'content/talk/deck.yml') })
    expect(value.spans.date).toEqual({ file: path.join(tmp, 'content/talk/deck.yml'), line: 3, column: 1 })
  })

  it('lists the decks that exist when the deck has no deck.yml', async () => {
    await put('content/alpha/deck.yml', 'title: A')
    await put('content/beta/deck.yml', 'title: B')
    const err = await rejection(readDeckConfig(path.join(tmp, 'content/gamma')))
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).diagnostic).toMatchObject({ code: 'deck-not-found', hint: 'decks found: alpha, beta' })
  })
})
