import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { watchDeck, type DeckWatcher } from '../../../src/serve/watch-deck.js'

let dir: string
let watcher: DeckWatcher | undefined
let batches: string[][]

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out; batches: ${JSON.stringify(batches)}`)
    await settle(20)
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-watch-'))
  mkdirSync(path.join(dir, 'deck'))
  mkdirSync(path.join(dir, 'out'))
  writeFileSync(path.join(dir, 'deck', '01.md'), '# one')
  batches = []
  watcher = await watchDeck({ paths: [path.join(dir, 'deck'), path.join(dir, 'missing-templates')], ignore: [path.join(dir, 'out')], debounceMs: 250, onChange: (files) => batches.push([...files]) })
  // chokidar misses a rename made within moments of 'ready'; an author's first save comes later.
  await settle(200)
})

afterEach(async () => {
  await watcher?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('watchDeck', () => {
  it('reports a burst of saves once, after it settles', async () => {
    const file = path.join(dir, 'deck', '01.md')
    for (let i = 0; i < 5; i++) {
      writeFileSync(file, `# one ${i}`)
      await settle(20)
    }
    await until(() => batches.length > 0)
    await settle(600)
    expect(batches).toEqual([[file]])
  })

  it('sees a save made by writing a temp file and renaming it, and reports the real name only', async () => {
    const file = path.join(dir, 'deck', '01.md')
    writeFileSync(`${file}.tmp-123`, '# renamed in')
    renameSync(`${file}.tmp-123`, file)
    await until(() => batches.some((b) => b.includes(file)))
    expect(batches.flat().filter((f) => f.includes('.tmp-'))).toEqual([])
  })

  it('ignores editor swap files and the output folder', async () => {
    writeFileSync(path.join(dir, 'deck', '.01.md.swp'), 'x')
    writeFileSync(path.join(dir, 'deck', '01.md~'), 'x')
    writeFileSync(path.join(dir, 'out', 'index.html'), 'x')
    await settle(400)
    expect(batches).toEqual([])
  })
})
