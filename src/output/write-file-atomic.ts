import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Temp files being written now, so an interrupted export can remove them. */
const pending = new Set<string>()

/** The temp name used for `file`: same folder (so the rename is atomic), hidden, unique. */
export function tempNameFor(file: string): string {
  const dir = path.dirname(file)
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Writes to a temp file in the same folder, flushes it, then renames it over `file`. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = tempNameFor(file)
  pending.add(temp)
  try {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
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
