// Every test run draws diagrams into a cache folder of its own, removed afterwards: tests never
// read or write the user's cache.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-test-cache-'))
  process.env.DECKHAND_CACHE_DIR = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
