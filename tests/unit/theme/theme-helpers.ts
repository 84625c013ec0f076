// Builds small theme folders on disk for the loader's tests.
import { fileURLToPath } from 'node:url'
import { tempDir, writeFiles } from '../../helpers/temp-dir.js'

export const BUILTIN_THEMES = fileURLToPath(new URL('../../../themes', import.meta.url))

/** A temporary themes/ folder with the given files (`name/theme.yml` -> text), removed after the test file. */
export function themesDir(files: Record<string, string>): string {
  const root = tempDir('deckhand-themes-')
  writeFiles(root, files)
  return root
}

/** Awaits a promise expected to reject and returns its diagnostics. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; span?: { file: string; line: number; column?: number }; hint?: string }[]> {
  try {
    await promise
  } catch (err) {
    const e = err as { diagnostic?: unknown; diagnostics?: unknown[] }
    if (e.diagnostic) return [e.diagnostic as never]
    if (e.diagnostics) return e.diagnostics as never
    throw err
  }
  throw new Error('expected a rejection')
}
