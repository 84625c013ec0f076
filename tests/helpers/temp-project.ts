// Temporary folders and tiny projects on disk, removed after the test file that made them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { main } from '../../src/cli.js'
import type { CliIo } from '../../src/cli/cli-io.js'

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

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the command line in-process from `cwd`. */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CliIo = { cwd, out: (s) => stdout.push(s), err: (s) => stderr.push(s), isTty: false, verbose: false, failed: false }
  const code = await main(argv, io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}
