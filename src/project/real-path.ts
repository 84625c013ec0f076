// I/O: the real location of a path (symlinks and `..` resolved), also for paths not made yet.
import { realpath } from 'node:fs/promises'
import path from 'node:path'

export type RealPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: 'loop' | 'unreadable'; readonly cause: unknown }

/**
 * Resolves every symlink on the way; a part that does not exist yet is joined to the real path
 * of its nearest existing parent, so a missing file still has a place to be judged by.
 */
export async function realPathOf(file: string): Promise<RealPath> {
  const absolute = path.resolve(file)
  const rest: string[] = []
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      return { ok: true, path: path.join(await realpath(current), ...rest.reverse()) }
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code
      if (code === 'ELOOP') return { ok: false, reason: 'loop', cause }
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(current) === current) return { ok: false, reason: 'unreadable', cause }
      rest.push(path.basename(current))
    }
  }
}
