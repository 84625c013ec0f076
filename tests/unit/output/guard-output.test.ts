import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OUTPUT_MARKER } from '../../../src/output/guard-output.js'
import { runCli } from '../../helpers/run-cli.js'
import { tempDir, tempProject, writeFiles } from '../../helpers/temp-dir.js'

const DECK = { 'content/x/deck.yml': 'title: X\n', 'content/x/01-intro.md': '# Hello\n\nText.\n' }

function project(extra: Record<string, string> = {}): string {
  return tempProject({ ...DECK, ...extra })
}

describe('deckhand build refuses output folders that would destroy something', () => {
  const home = process.env.HOME
  afterEach(() => {
    process.env.HOME = home
  })

  it('--out content: exit 1, and the chapters and deck.yml are still there', async () => {
    const root = project()
    const r = await runCli(root, 'build', 'x', '--out', 'content')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('error  Refusing to write the build into')
    expect(readFileSync(path.join(root, 'content/x/01-intro.md'), 'utf8')).toBe('# Hello\n\nText.\n')
    expect(existsSync(path.join(root, 'content/x/deck.yml'))).toBe(true)
  })

  it('--out . with a deck named src leaves the project root (and its src/) alone', async () => {
    const root = tempProject({ 'content/src/deck.yml': 'title: S\n', 'content/src/01.md': '# S\n', 'src/keep.ts': 'export {}\n' })
    const r = await runCli(root, 'build', 'src', '--out', '.')
    expect(r.code).toBe(1)
    expect(readFileSync(path.join(root, 'src/keep.ts'), 'utf8')).toBe('export {}\n')
  })

  it.each([['the home folder', '~'], ['/', '/'], ['a theme folder', 'themes/acme'], ['a template folder', 'templates'], ['a folder holding the content', '..']])('refuses %s', async (_what, out) => {
    const root = project({ 'themes/acme/theme.yml': 'extends: daylight\n', 'templates/deck.css': '' })
    process.env.HOME = root
    const r = await runCli(root, 'build', 'x', '--out', out === '~' ? root : out)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Refusing to write the build into/)
  })

  it('--out ../sibling with a folder of the deck\'s name that deckhand did not make: exit 1, the folder untouched', async () => {
    const parent = tempDir()
    const root = path.join(parent, 'project')
    writeFiles(root, { 'package.json': '{}', ...DECK })
    writeFiles(parent, { 'sibling/x/thesis.tex': 'years of work' })
    const r = await runCli(root, 'build', 'x', '--out', '../sibling')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('was not made by deckhand')
    expect(readdirSync(path.join(parent, 'sibling/x'))).toEqual(['thesis.tex'])
    expect(readdirSync(path.join(parent, 'sibling'))).toEqual(['x'])
  })

  it('replaces a deck folder it made, which carries its marker', async () => {
    const root = project()
    expect((await runCli(root, 'build', 'x')).code).toBe(0)
    expect(existsSync(path.join(root, 'dist/x', OUTPUT_MARKER))).toBe(true)
    writeFileSync(path.join(root, 'content/x/01-intro.md'), '# Changed\n')
    expect((await runCli(root, 'build', 'x')).code).toBe(0)
    expect(readFileSync(path.join(root, 'dist/x/index.html'), 'utf8')).toContain('Changed')
  })

  it('sweeps the temporary folders a killed build left beside the deck folder', async () => {
    const root = project()
    // Process ids far above any pid_max: those builds are certainly gone.
    writeFiles(root, { 'dist/.x.tmp-99999999-abc/index.html': 'half', 'dist/.x.old-99999998-abd/index.html': 'old', 'dist/.y.tmp-99999999-abc/keep': '' })
    expect((await runCli(root, 'build', 'x')).code).toBe(0)
    expect(readdirSync(path.join(root, 'dist')).sort()).toEqual(['.y.tmp-99999999-abc', 'x'])
  })
})

describe('a deck folder that cannot be replaced', () => {
  it('is left as it was: exit 1, no new output installed, no .old folder left behind', { timeout: 60_000 }, async () => {
    const root = project()
    expect((await runCli(root, 'build', 'x')).code).toBe(0)
    const before = readFileSync(path.join(root, 'dist/x/index.html'), 'utf8')
    writeFileSync(path.join(root, 'content/x/01-intro.md'), '# Changed\n')
    mkdirSync(path.join(root, 'dist/x/media'), { recursive: true })
    for (let run = 0; run < 2; run++) {
      const r = buildAsOtherUser(root, () => chmodSync(path.join(root, 'dist/x/media'), 0o555))
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('is read-only')
    }
    chmodSync(path.join(root, 'dist/x/media'), 0o755)
    expect(readFileSync(path.join(root, 'dist/x/index.html'), 'utf8')).toBe(before)
    expect(readdirSync(path.join(root, 'dist'))).toEqual(['x'])
  })
})

/** Root may write anywhere, so the build runs as `nobody` when the tests run as root. */
function buildAsOtherUser(root: string, lock: () => void) {
  const asRoot = process.getuid?.() === 0
  // The other user needs a temp folder of its own to write in (the test run's is private).
  const tmp = tempDir()
  if (asRoot) {
    spawnSync('chmod', ['-R', 'a+rwX', root, tmp])
    spawnSync('chmod', ['a+rx', path.dirname(root)])
  }
  lock()
  const child = path.join(import.meta.dirname, 'run-cli.child.ts')
  return spawnSync(process.execPath, ['--import', 'tsx', child, 'build', 'x', '--root', root], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp },
    ...(asRoot && { uid: 65534, gid: 65534 }),
  })
}
