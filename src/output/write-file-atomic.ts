// I/O: the one way a single output file is replaced: written (or copied) beside it under a
// temp name, then renamed over it, so a reader sees the old file or the new one, never half.
// Folders are swapped whole by write-deck.ts.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { copyFile, open, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { isAlive } from '../browser/run-folder.js'

/** Temp files being written now, so an interrupted export can remove them. */
const pending = new Set<string>()

/** The temp name used for `file`: same folder (so the rename is atomic), hidden, unique. */
export function tempNameFor(file: string): string {
  const dir = path.dirname(file)
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Writes to a temp file in the same folder, then renames it over `file`. `flush` (on by
 * default) syncs it to disk first: a PDF must survive a crash, a preview's page need not.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: { flush?: boolean } = {}): Promise<void> {
  await replaceAtomically(file, async (temp) => {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(data)
      if (options.flush ?? true) await handle.sync()
    } finally {
      await handle.close()
    }
  })
}

/** Copies `from` over `to` the same way (the preview's changed images and fonts). */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  await replaceAtomically(to, (temp) => copyFile(from, temp))
}

/** Folders already swept by this process. */
const swept = new Set<string>()

/** The owner pid of a temp name `tempNameFor` made (`.<name>.<pid>.<8 hex>.tmp`), if it is one. */
export function tempOwner(name: string): number | undefined {
  if (!name.startsWith('.') || !name.endsWith('.tmp')) return undefined
  const parts = name.slice(1, -'.tmp'.length).split('.')
  const [pid, hex] = parts.slice(-2)
  if (parts.length < 3 || hex?.length !== 8 || !/^[0-9a-f]+$/.test(hex) || !/^[1-9][0-9]*$/.test(pid ?? '')) return undefined
  return Number(pid)
}

/** Removes the temp files a killed run (kill -9: nothing ran to remove them) left in `dir`. */
export async function sweepDeadTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    const owner = tempOwner(name)
    if (owner && owner !== process.pid && !isAlive(owner)) await rm(path.join(dir, name), { force: true }).catch(() => undefined)
  }
}

async function replaceAtomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(file)
  if (!swept.has(dir)) {
    swept.add(dir)
    await sweepDeadTempFiles(dir)
  }
  const temp = tempNameFor(file)
  pending.add(temp)
  try {
    await write(temp)
    await rename(temp, file)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  } finally {
    pending.delete(temp)
  }
}

/** Removes every temp file still being written; synchronous, for a process being interrupted. */
export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true })
  pending.clear()
}
