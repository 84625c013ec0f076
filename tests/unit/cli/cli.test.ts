import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli.js'
import type { CliIo } from '../../../src/cli/cli-io.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
const out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-cli-'))
afterAll(() => rm(out, { recursive: true, force: true }))

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CliIo = { cwd: FIXTURES, out: (s) => stdout.push(s), err: (s) => stderr.push(s), isTty: false, verbose: false, failed: false }
  const code = await main(argv, io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

describe('deckhand build', () => {
  it('builds and exits 0', async () => {
    const r = await run('build', '--root', path.join(FIXTURES, 'minimal'), '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^built talk: 2 slides -> .*talk\/index\.html/)
    expect(r.stderr).toBe('')
  })

  it('prints a user mistake as path:line:col  error  message, relative to the current folder, without a stack', async () => {
    const r = await run('build', '--root', path.join(FIXTURES, 'missing-image'), '--out', out)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('missing-image/content/talk/01.md:5:9  error  Image not found')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('shows the causes behind an error only with --verbose', async () => {
    const quiet = await run('build', '--root', path.join(FIXTURES, 'not-utf8'), '--out', out)
    const loud = await run('build', '--verbose', '--root', path.join(FIXTURES, 'not-utf8'), '--out', out)
    expect(quiet.stderr).not.toMatch(/\n\s+at /)
    expect(loud.stderr).toMatch(/\n\s+at /)
    expect(loud.code).toBe(1)
  })

  it('names the decks there are when asked for one that is not', async () => {
    const r = await run('build', 'nope', '--root', path.join(FIXTURES, 'minimal'), '--out', out)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('error  No deck "nope"')
    expect(r.stderr).toContain('Decks here: talk')
  })

  it('rejects an unknown handout layout before building', async () => {
    const r = await run('pdf', '--handout', '4-up', '--root', path.join(FIXTURES, 'minimal'), '--out', out)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Unknown handout layout "4-up"')
  })

  it('exits non-zero on an unknown option', async () => {
    expect((await run('build', '--bogus')).code).not.toBe(0)
  })
})

describe('deckhand export', () => {
  it('writes the formats asked for beside index.html and names each with its size', async () => {
    const r = await run('export', '--root', path.join(FIXTURES, 'minimal'), '--out', out, '--to', 'notes,pptx')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/exported talk: .*talk\/talk-notes\.md \(\d+ (B|KB)\), .*talk-notes\.txt .*talk\/talk\.pptx \(\d+ KB\)/)
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(path.join(out, 'talk'))).toEqual(expect.arrayContaining(['index.html', 'talk-notes.md', 'talk-notes.txt', 'talk.pptx']))
    // Building again keeps what the export wrote.
    expect((await run('build', '--root', path.join(FIXTURES, 'minimal'), '--out', out)).code).toBe(0)
    expect(await readdir(path.join(out, 'talk'))).toEqual(expect.arrayContaining(['talk.pptx', 'talk-notes.md']))
  }, 60_000)

  it('rejects an unknown format before building', async () => {
    const r = await run('export', '--root', path.join(FIXTURES, 'minimal'), '--out', out, '--to', 'pptx,slides')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Unknown export format "slides"')
    expect(r.stdout).toBe('')
  })
})
