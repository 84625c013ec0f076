// I/O: rendered diagrams kept on disk in a per-user cache folder, by a key of their source and
// the theme's fonts, so a second build of an unchanged deck starts no browser. Writes go to a
// temporary file renamed into place; a cache that cannot be read or written is only skipped.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** `DECKHAND_CACHE_DIR`, else `$XDG_CACHE_HOME/deckhand`, else `~/.cache/deckhand` (per user). */
export function diagramCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.DECKHAND_CACHE_DIR) return path.join(env.DECKHAND_CACHE_DIR, 'diagrams')
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || path.join(os.homedir(), '.cache')
  return path.join(base, 'deckhand', 'diagrams')
}

export async function readCachedDiagram(dir: string, key: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(dir, `${key}.svg`), 'utf8')
  } catch {
    return undefined
  }
}

export async function writeCachedDiagram(dir: string, key: string, svg: string): Promise<void> {
  const file = path.join(dir, `${key}.svg`)
  const temp = `${file}.${process.pid}.tmp`
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(temp, svg)
    await rename(temp, file)
  } catch {
    // Not cached this time: the next build draws it again.
  }
}
