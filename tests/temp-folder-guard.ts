// Vitest global setup: the tests make their temp folders in one folder of this run's own, and
// the run fails when any deckhand folder is left in it (each test must remove what it makes).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const OURS = /^(deckhand|dh)-/

export default function setup(): () => void {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-test-run-'))
  // Workers and the processes tests start inherit it, and os.tmpdir() follows it.
  process.env.TMPDIR = runDir
  return () => {
    const left = readdirSync(runDir).filter((name) => OURS.test(name))
    rmSync(runDir, { recursive: true, force: true })
    if (left.length > 0) throw new Error(`The tests left ${left.length} temp folder(s) behind: ${left.join(', ')}`)
  }
}
