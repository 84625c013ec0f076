// Temporary folders and tiny projects on disk, removed after the test file that made them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder in the temp folder, removed when the test file ends. */
export function tempDir(prefix = 'deckhand-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Writes `files` (relative path -> text or bytes) under `root`. */
export function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), content)
  }
}

/** A project (package.json + `files`) in a fresh temp folder; returns its root. */
export function tempProject(files: Readonly<Record<string, string | Uint8Array>>, prefix = 'deckhand-project-'): string {
  const root = tempDir(prefix)
  writeFiles(root, { 'package.json': '{}\n', ...files })
  return root
}
