// One test per folder in tests/fixtures/: build its deck and snapshot the slides and the
// diagnostics; the folders named in EXPECTED must also produce those exact problems.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../src/pipeline/build-deck.js'
import { diagnosticsOf, type Diagnostic } from '../src/diagnostics/diagnostic.js'
import { findProject } from '../src/project/find-project.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const outRoot = await mkdtemp(path.join(os.tmpdir(), 'deckhand-fixtures-'))
afterAll(() => rm(outRoot, { recursive: true, force: true }))

/** What a fixture must report: code, file (relative to the deck folder) and line. */
const EXPECTED: Record<string, Array<[code: string, file: string, line: number]>> = {
  'not-utf8': [['file-not-utf8', '01-latin.md', 1]],
  'config-unknown-key': [['config-unknown-key', 'deck.yml', 1]],
  'config-wrong-type': [['config-invalid', 'deck.yml', 5]],
  'yaml-syntax': [['yaml-syntax', 'deck.yml', 3]],
  'front-matter-invalid': [['front-matter-invalid', '01.md', 3]],
  'missing-layout': [['template-not-found', '01-intro.md', 7]],
  'missing-chapter-layout': [['template-not-found', '01.md', 2]],
  'template-errors': [
    ['template-syntax', 'templates/slides/broken.hbs', 2],
    ['partial-not-found', 'templates/slides/needs-partial.hbs', 2],
    ['helper-not-found', 'templates/slides/needs-helper.hbs', 1],
  ],
  'unsafe-html': [
    ['html-removed', '01.md', 3],
    ['html-removed', '01.md', 5],
    ['html-removed', '01.md', 7],
    ['html-removed', '01.md', 9],
  ],
  'missing-image': [['image-not-found', '01.md', 5]],
  'missing-chapter': [['chapter-not-found', 'deck.yml', 5]],
  'unclosed-block': [['unclosed-block', '01.md', 3]],
  'missing-theme': [['theme-not-found', 'deck.yml', 4]],
}

const folders = (await readdir(FIXTURES, { withFileTypes: true }))
  .filter((d) => d.isDirectory() && d.name !== 'bin' && !d.name.startsWith('check-'))
  .map((d) => d.name)
  .sort()

interface Outcome {
  readonly slides: unknown[]
  readonly diagnostics: Diagnostic[]
  readonly html: string
}

const built = new Map<string, Promise<Outcome>>()

/** Builds each fixture once; the snapshot test and the behaviour tests read the same outcome. */
function buildFixture(name: string): Promise<Outcome> {
  let outcome = built.get(name)
  if (!outcome) built.set(name, (outcome = buildOnce(name)))
  return outcome
}

async function buildOnce(name: string): Promise<Outcome> {
  const root = path.join(FIXTURES, name)
  const project = await findProject({ root, cwd: root })
  try {
    const result = await buildDeck(project, 'talk', { outDir: path.join(outRoot, name) })
    const slides = result.value.slides.map((s) => ({ id: s.id, layout: s.layout, title: s.data.title, line: s.span.line, endLine: s.span.endLine, file: rel(root, s.span.file), notes: s.notesText, vertical: !s.newStack }))
    const html = await readFile(path.join(result.value.outDir, 'index.html'), 'utf8')
    return { slides, diagnostics: [...result.diagnostics], html }
  } catch (err) {
    const diagnostics = diagnosticsOf(err)
    if (!diagnostics) throw err
    return { slides: [], diagnostics: [...diagnostics], html: '' }
  }
}

function rel(root: string, file: string): string {
  return path.relative(path.join(root, 'content', 'talk'), file).split(path.sep).join('/')
}

/** Codes, files and lines (and the reference that led there), not wording. */
function located(root: string, diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    file: d.span ? rel(root, d.span.file) : '',
    line: d.span?.line ?? 0,
    ...(d.via && { via: `${d.via.span ? `${rel(root, d.via.span.file)}:${d.via.span.line}` : d.via.what}` }),
  }))
}

describe('fixtures', () => {
  it.each(folders)('%s', async (name) => {
    const root = path.join(FIXTURES, name)
    const outcome = await buildFixture(name)
    const diagnostics = located(root, outcome.diagnostics)
    expect({ slides: outcome.slides, diagnostics }).toMatchSnapshot()
    // The span carries the file: a message never repeats it as an absolute path.
    for (const d of outcome.diagnostics) expect(d.message).not.toContain(root)
    const expected = EXPECTED[name]
    if (expected) {
      expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual(expect.arrayContaining(expected))
    } else {
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    }
  })

  it('leaves the previous output untouched when a build fails', async () => {
    const out = path.join(outRoot, 'minimal')
    const before = await stat(path.join(out, 'talk', 'index.html'))
    const project = await findProject({ root: path.join(FIXTURES, 'missing-image'), cwd: FIXTURES })
    await expect(buildDeck(project, 'talk', { outDir: out })).rejects.toThrow()
    const after = await stat(path.join(out, 'talk', 'index.html'))
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect((await readdir(out)).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('shows {{title}} written in Markdown literally in the deck', async () => {
    const { html } = await buildFixture('literal-handlebars')
    expect(html).toContain('{{title}} and {{{body}}}')
    expect(html).toContain('Literal {{deck}}')
  })

  it('lets a deck override a built-in slide template', async () => {
    const { html } = await buildFixture('template-override')
    expect(html).toContain('<div class="custom-content">Mine: <ul>')
  })

  it('keeps raw HTML under html: trusted', async () => {
    const { html } = await buildFixture('trusted-html')
    expect(html).toContain('<script>window.answer = 42</script>')
    expect(html).toContain('onclick="ok()"')
  })

  it('reads CRLF, lone CR and a BOM like plain LF', async () => {
    const { slides } = await buildFixture('crlf-and-bom')
    expect(slides.map((s) => (s as { title: string }).title)).toEqual(['Line ends', 'CRLF', 'Second', 'Lone CR', 'After'])
  })
})
