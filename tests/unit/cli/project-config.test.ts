import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.js'
import { tempProject } from '../../helpers/temp-dir.js'

const DECK = { 'content/talk/deck.yml': 'title: Talk\n', 'content/talk/01.md': '# One\n\nNote: say it\n' }
const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false)

describe('deckhand.yml carries the options of any command', () => {
  it('gives a command the options its command line does not', async () => {
    const root = tempProject({ ...DECK, 'deckhand.yml': 'build:\n  out: site\n' })
    const r = await runCli(root, 'build')
    expect(r.stderr).toBe('')
    expect(await exists(path.join(root, 'site', 'talk', 'index.html'))).toBe(true)
    expect(await exists(path.join(root, 'dist'))).toBe(false)
  })

  it('lets the command line win', async () => {
    const root = tempProject({ ...DECK, 'deckhand.yml': 'build:\n  out: site\n' })
    await runCli(root, 'build', '--out', 'elsewhere')
    expect(await exists(path.join(root, 'elsewhere', 'talk', 'index.html'))).toBe(true)
    expect(await exists(path.join(root, 'site'))).toBe(false)
  })

  it('takes a list option as the command line does', async () => {
    const root = tempProject({ ...DECK, 'deckhand.yml': 'export:\n  to: [notes]\n' })
    const r = await runCli(root, 'export')
    expect(r.code).toBe(0)
    expect((await readdir(path.join(root, 'dist', 'talk'))).filter((f) => f.startsWith('talk'))).toEqual(['talk-notes.md', 'talk-notes.txt'])
  })

  it('reports a wrong value at its line in deckhand.yml, and runs nothing', async () => {
    const root = tempProject({ ...DECK, 'deckhand.yml': 'out: dist\npdf:\n  paper: A5\n' })
    const r = await runCli(root, 'build')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/deckhand\.yml:3:\d+ +error .*\[config-invalid\]/)
    expect(await exists(path.join(root, 'dist'))).toBe(false)
  })

  it('reports an option no command has, with "did you mean"', async () => {
    const root = tempProject({ ...DECK, 'deckhand.yml': 'serve:\n  prot: 8080\n' })
    const r = await runCli(root, 'build')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/deckhand\.yml:2:\d+ +error .*did you mean `port`\?.*\[config-unknown-key\]/)
  })
})
