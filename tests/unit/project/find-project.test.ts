import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeckError, DeckErrors } from '../../../src/diagnostics/diagnostic.js'
import { deckLookupDirs, findProject, listDecks } from '../../../src/project/find-project.js'

const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
let tmp: string

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'deckhand-project-'))
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

async function put(rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(tmp, rel)), { recursive: true })
  await writeFile(path.join(tmp, rel), text)
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (err: unknown) => err,
  )
}

describe('findProject', () => {
  it('finds the nearest package.json upward and lists the decks with a deck.yml', async () => {
    await put('package.json', '{}')
    await put('content/b-talk/deck.yml', 'title: B\n')
    await put('content/a-talk/deck.yml', 'title: A\n')
    await put('content/notes/readme.md', 'not a deck')
    await mkdir(path.join(tmp, 'content/b-talk/images'), { recursive: true })
    const project = await findProject({ cwd: path.join(tmp, 'content/b-talk/images') })
    expect(project.root).toBe(tmp)
    expect(project.contentDir).toBe(path.join(tmp, 'content'))
    expect(project.outDir).toBe(path.join(tmp, 'dist'))
    expect(project.decks).toEqual([
      { name: 'a-talk', dir: path.join(tmp, 'content/a-talk') },
      { name: 'b-talk', dir: path.join(tmp, 'content/b-talk') },
    ])
  })

  it("puts the project's templates and themes before the built-in ones of the package", async () => {
    await put('package.json', '{}')
    const project = await findProject({ cwd: tmp })
    expect(project.builtinTemplatesDir).toBe(path.join(PACKAGE_ROOT, 'templates'))
    expect(project.builtinThemesDir).toBe(path.join(PACKAGE_ROOT, 'themes'))
    expect(project.templateDirs).toEqual([path.join(tmp, 'templates'), project.builtinTemplatesDir])
    expect(project.themeDirs).toEqual([path.join(tmp, 'themes'), project.builtinThemesDir])
  })

  it('renames folders through deckhand.yml, resolved against the root', async () => {
    await put('package.json', '{}')
    await put('deckhand.yml', 'content: talks\ntemplates: design/templates\nthemes: design/themes\nout: build/site\n')
    await put('talks/one/deck.yml', 'title: One\n')
    const project = await findProject({ root: tmp, cwd: '/' })
    expect(project).toMatchObject({
      contentDir: path.join(tmp, 'talks'),
      outDir: path.join(tmp, 'build/site'),
      templateDirs: [path.join(tmp, 'design/templates'), project.builtinTemplatesDir],
      themeDirs: [path.join(tmp, 'design/themes'), project.builtinThemesDir],
      decks: [{ name: 'one', dir: path.join(tmp, 'talks/one') }],
    })
  })

  it('reports unknown keys in deckhand.yml at their line', async () => {
    await put('package.json', '{}')
    await put('deckhand.yml', 'content: talks\noutput: build\n')
    const err = await rejection(findProject({ cwd: tmp }))
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).diagnostic).toMatchObject({
      code: 'config-unknown-key',
      span: { file: path.join(tmp, 'deckhand.yml'), line: 2, column: 1 },
      message: expect.stringContaining('did you mean `out`?'),
    })
  })

  it('reports every problem of deckhand.yml at once', async () => {
    await put('package.json', '{}')
    await put('deckhand.yml', 'content: 3\nthemez: x\n')
    const err = await rejection(findProject({ cwd: tmp }))
    expect(err).toBeInstanceOf(DeckErrors)
    expect((err as DeckErrors).diagnostics.map((d) => d.code)).toEqual(['config-invalid', 'config-unknown-key'])
  })

  it('accepts --root relative to cwd even without a package.json', async () => {
    await put('site/content/x/deck.yml', 'title: X\n')
    const project = await findProject({ root: 'site', cwd: tmp })
    expect(project.root).toBe(path.join(tmp, 'site'))
    expect(project.decks.map((d) => d.name)).toEqual(['x'])
  })

  it('fails with project-not-found for a --root that does not exist', async () => {
    const err = await rejection(findProject({ root: 'nope', cwd: tmp }))
    expect((err as DeckError).diagnostic.code).toBe('project-not-found')
  })

  it('fails with project-not-found when no folder upward has a package.json', async () => {
    // tmpdir() is outside any project on a normal machine; guard in case it is not.
    const inside = await findProject({ cwd: tmpdir() }).then(() => true, () => false)
    if (inside) return
    const err = await rejection(findProject({ cwd: tmp }))
    expect((err as DeckError).diagnostic.code).toBe('project-not-found')
  })

  it('gives no decks when the content folder does not exist', async () => {
    expect(await listDecks(path.join(tmp, 'missing'))).toEqual([])
  })
})

describe('deckLookupDirs', () => {
  it("looks in the deck's folder, then the project's, then the built-in one", async () => {
    await put('package.json', '{}')
    const project = await findProject({ cwd: tmp })
    const deckDir = path.join(tmp, 'content/talk')
    expect(deckLookupDirs(project, deckDir, 'templates')).toEqual([path.join(deckDir, 'templates'), path.join(tmp, 'templates'), project.builtinTemplatesDir])
    expect(deckLookupDirs(project, deckDir, 'themes')).toEqual([path.join(deckDir, 'themes'), path.join(tmp, 'themes'), project.builtinThemesDir])
  })

  it('lists a folder once when the project is the package itself', async () => {
    const project = await findProject({ cwd: PACKAGE_ROOT })
    expect(project.templateDirs).toEqual([project.builtinTemplatesDir])
  })
})
