import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import { diagnosticsOf, type Diagnostic } from '../../../src/diagnostics/diagnostic.js'
import { findProject } from '../../../src/project/find-project.js'
import { tempDir, writeFiles } from '../../helpers/temp-dir.js'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/** A project in `<tmp>/project` beside `<tmp>/outside/secret.png`; returns both folders. */
function setup(files: Record<string, string | Uint8Array>): { root: string; outside: string } {
  const parent = tempDir()
  const root = path.join(parent, 'project')
  writeFiles(parent, { 'outside/secret.png': PNG, 'outside/secret.css': 'body{}', 'outside/theme/theme.yml': 'footer: stolen\n' })
  writeFiles(root, { 'package.json': '{}', 'content/x/deck.yml': 'title: X\n', ...files })
  return { root, outside: path.join(parent, 'outside') }
}

async function build(root: string): Promise<{ diagnostics: readonly Diagnostic[]; out: string }> {
  const out = path.join(root, 'dist')
  try {
    const result = await buildDeck(await findProject({ cwd: root }), 'x', { outDir: out })
    return { diagnostics: result.diagnostics, out }
  } catch (err) {
    const found = diagnosticsOf(err)
    if (!found) throw err
    return { diagnostics: found, out }
  }
}

function where(d: Diagnostic): string {
  return `${d.code} ${path.basename(d.span?.file ?? '?')}:${d.span?.line}`
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String)
  } catch {
    return []
  }
}

describe('paths a chapter names', () => {
  it.each([
    ['a relative path out of the project', '![x](../../../outside/secret.png)'],
    ['its %2e%2e spelling', '![x](%2e%2e/%2e%2e/%2e%2e/outside/secret.png)'],
    ['an image in the speaker notes', 'Text\n\nNote: ![x](../../../outside/secret.png)'],
    ['a slide background', '<!-- .slide: data-background-image="../../../outside/secret.png" -->\nText'],
  ])('%s is an error at its line, and nothing is copied', async (_what, markdown) => {
    const { root } = setup({ 'content/x/01.md': `# T\n\n${markdown}\n` })
    const { diagnostics, out } = await build(root)
    expect(diagnostics.map(where)).toContainEqual(expect.stringMatching(/^path-outside-project 01\.md:\d/))
    expect(diagnostics.find((d) => d.code === 'path-outside-project')!.hint).toMatch(/deck folder content\/x/)
    expect(filesUnder(out).some((f) => f.includes('secret'))).toBe(false)
  })

  it('an image that is a symlink to /etc/passwd is an error at the line that names it', async () => {
    const { root } = setup({ 'content/x/01.md': '# T\n\n![x](images/x.png)\n' })
    mkdirSync(path.join(root, 'content/x/images'))
    symlinkSync('/etc/passwd', path.join(root, 'content/x/images/x.png'))
    expect((await build(root)).diagnostics.map(where)).toEqual(['path-outside-project 01.md:3'])
  })

  it('a symlink loop is an error, not a copy', async () => {
    const { root } = setup({ 'content/x/01.md': '# T\n\n![x](a.png)\n' })
    symlinkSync('b.png', path.join(root, 'content/x/a.png'))
    symlinkSync('a.png', path.join(root, 'content/x/b.png'))
    expect((await build(root)).diagnostics.map(where)).toEqual(['symlink-loop 01.md:3'])
  })

  it('an image in the project\'s shared folders may be used', async () => {
    const { root } = setup({ 'content/x/01.md': '# T\n\n![x](../../themes/logo.png)\n', 'themes/logo.png': PNG })
    const { diagnostics, out } = await build(root)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(filesUnder(out).some((f) => f.endsWith('logo.png'))).toBe(true)
  })
})

describe('chapters deck.yml lists', () => {
  it('a path out of the project is an error at its entry, and its text is not published', async () => {
    const { root } = setup({ 'content/x/deck.yml': 'title: X\nchapters:\n  - 01.md\n  - ../../../../../../../../etc/passwd\n', 'content/x/01.md': '# T\n' })
    const { diagnostics, out } = await build(root)
    expect(diagnostics.map(where)).toEqual(['path-outside-project deck.yml:4'])
    expect(filesUnder(out)).toEqual([])
  })

  it('a listed chapter that is a symlink out is an error at its entry', async () => {
    const { root, outside } = setup({ 'content/x/deck.yml': 'title: X\nchapters: [01.md, 02.md]\n', 'content/x/01.md': '# T\n' })
    writeFiles(outside, { 'private.md': '# Private\n' })
    symlinkSync(path.join(outside, 'private.md'), path.join(root, 'content/x/02.md'))
    expect((await build(root)).diagnostics.map(where)).toEqual(['path-outside-project deck.yml:2'])
  })
})

describe('paths a theme names', () => {
  const deck = { 'content/x/deck.yml': 'title: X\ntheme: acme\n', 'content/x/01.md': '# T\n' }
  it.each([
    ['logo.file', 'logo:\n  file: ../../../outside/secret.png\n', 'theme.yml:3'],
    ['fonts.body.file', 'fonts:\n  body: { family: Brand, file: ../../../outside/secret.png }\n', 'theme.yml:3'],
    ['titleSlide.background', 'titleSlide:\n  background: ../../../outside/secret.png\n', 'theme.yml:3'],
  ])('%s outside is an error at its line', async (_key, yaml, at) => {
    const { root } = setup({ ...deck, 'themes/acme/theme.yml': `extends: daylight\n${yaml}` })
    const { diagnostics, out } = await build(root)
    expect(diagnostics.map(where)).toEqual([`path-outside-project ${at}`])
    expect(filesUnder(out)).toEqual([])
  })

  it('a theme.css url(../../../x) is an error at its line', async () => {
    const { root } = setup({ ...deck, 'themes/acme/theme.yml': 'extends: daylight\n', 'themes/acme/theme.css': '.a {}\n.b { background: url(../../../outside/secret.png) }\n' })
    expect((await build(root)).diagnostics.map(where)).toEqual(['path-outside-project theme.css:2'])
  })

  it('theme: ../../x naming a folder outside is an error at deck.yml\'s theme line', async () => {
    const { root } = setup({ 'content/x/deck.yml': 'title: X\ntheme: ../../outside/theme\n', 'content/x/01.md': '# T\n' })
    expect((await build(root)).diagnostics.map(where)).toEqual(['path-outside-project deck.yml:2'])
  })

  it('a theme folder that is a symlink out is refused too', async () => {
    const { root, outside } = setup({ ...deck })
    mkdirSync(path.join(root, 'themes'))
    symlinkSync(path.join(outside, 'theme'), path.join(root, 'themes/acme'))
    expect((await build(root)).diagnostics.map(where)).toEqual(['path-outside-project deck.yml:2'])
  })
})

describe('templates', () => {
  it("the preview's print menu that is a symlink out is an error at it, before anything is written", async () => {
    const { root, outside } = setup({ 'content/x/01.md': '# T\n' })
    writeFiles(outside, { 'menu.hbs': '<nav>private</nav>\n' })
    mkdirSync(path.join(root, 'templates/serve'), { recursive: true })
    symlinkSync(path.join(outside, 'menu.hbs'), path.join(root, 'templates/serve/print-menu.hbs'))
    const { diagnostics, out } = await build(root)
    expect(diagnostics.map(where)).toEqual(['path-outside-project print-menu.hbs:1'])
    expect(filesUnder(out)).toEqual([])
  })
})

describe('the built output', () => {
  it('names no absolute path of the build machine', async () => {
    const { root } = setup({ 'content/x/01.md': '# T\n\n![x](images/a.png)\n', 'content/x/images/a.png': PNG, 'content/x/templates/deck.css': '.x {}\n' })
    const { diagnostics, out } = await build(root)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const repo = path.resolve(import.meta.dirname, '../../..')
    const texts = filesUnder(out).filter((f) => /\.(html|css|js|json|txt)$/.test(f) && statSync(path.join(out, f)).isFile())
    expect(texts.length).toBeGreaterThan(3)
    for (const file of texts) {
      const text = readFileSync(path.join(out, file), 'utf8')
      expect(text, file).not.toContain(root)
      expect(text, file).not.toContain(repo)
    }
  })
})
