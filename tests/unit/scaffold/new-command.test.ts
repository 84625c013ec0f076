import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli.js'
import type { CliIo } from '../../../src/cli/cli-io.js'

let root: string
let out: string[]
let err: string[]

function io(): CliIo {
  return { cwd: root, out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, verbose: false, failed: false }
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-cli-'))
  writeFileSync(path.join(root, 'package.json'), '{}')
  out = []
  err = []
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('deckhand new / serve / check on the command line', () => {
  it('new creates the deck and names its files; a second run fails and changes nothing', async () => {
    expect(await main(['new', 'kickoff', '--title', 'Kick-off'], io())).toBe(0)
    expect(out.join('\n')).toContain(path.join('content', 'kickoff', 'deck.yml'))
    expect(existsSync(path.join(root, 'content/kickoff/01-introduction.md'))).toBe(true)
    out = []
    expect(await main(['new', 'kickoff'], io())).toBe(1)
    expect(err.join('\n')).toMatch(/already exists/)
  })

  it('new refuses a name that is not folder-safe', async () => {
    expect(await main(['new', '../escape'], io())).toBe(1)
    expect(existsSync(path.join(root, '..', 'escape'))).toBe(false)
  })

  it('serve and check refuse bad numbers before doing anything', async () => {
    expect(await main(['serve', 'x', '--port', 'eighty'], io())).toBe(1)
    expect(err.join('\n')).toMatch(/--port must be a number/)
    expect(await main(['check', 'x', '--rate', '0'], io())).toBe(1)
    expect(err.join('\n')).toMatch(/--rate must be a positive number/)
  })

  it('check names a missing deck', async () => {
    expect(await main(['check', 'nope'], io())).toBe(1)
    expect(err.join('\n')).toMatch(/No deck "nope"/)
  })
})
