// I/O: writes a deck's output folder next to the old one and swaps it in, so a failed build
// leaves the previous output exactly as it was.
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { AssetRef } from '../model.js'
import { isExportFile } from '../export/export-file-name.js'
import { PRINTED_PDFS } from './pdf-file-name.js'

export interface OutputFiles {
  /** Text files by path relative to the output folder. */
  readonly files: Readonly<Record<string, string>>
  readonly assets: readonly AssetRef[]
}

/** Builds `target` in a sibling temporary folder and renames it into place. */
export async function writeOutputFolder(target: string, output: OutputFiles): Promise<void> {
  const parent = path.dirname(target)
  const stamp = `${process.pid}-${Date.now().toString(36)}`
  const temp = path.join(parent, `.${path.basename(target)}.tmp-${stamp}`)
  try {
    await mkdir(temp, { recursive: true })
    await writeAll(temp, output)
    await swapInto(temp, target, path.join(parent, `.${path.basename(target)}.old-${stamp}`))
  } catch (cause) {
    await rm(temp, { recursive: true, force: true })
    if (cause instanceof DeckError) throw cause
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new DeckError(error('output-write', `Could not write ${target}: ${reason}`), { cause })
  }
}

async function writeAll(root: string, output: OutputFiles): Promise<void> {
  const dirs = new Set<string>()
  const all = [...Object.keys(output.files), ...output.assets.map((a) => a.to)]
  for (const rel of all) dirs.add(path.dirname(path.join(root, rel)))
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })))
  const seen = new Set<string>()
  const jobs: Array<() => Promise<void>> = []
  for (const [rel, text] of Object.entries(output.files)) jobs.push(() => writeFile(path.join(root, rel), text))
  for (const asset of output.assets) {
    if (seen.has(asset.to)) continue // one copy of each file, however often it is used
    seen.add(asset.to)
    jobs.push(() => copyFile(asset.from, path.join(root, asset.to)))
  }
  await runLimited(jobs, 32)
}

async function runLimited(jobs: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await jobs[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker))
}

/**
 * Two renames: readers see the old folder or the new one, never a half-written one. PDFs and
 * exports written into the old folder move into the new one unless it has its own: building
 * the HTML again must not throw away the handouts printed from it.
 */
async function swapInto(temp: string, target: string, old: string): Promise<void> {
  let moved = false
  try {
    await rename(target, old)
    moved = true
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause
  }
  try {
    await rename(temp, target)
  } catch (cause) {
    if (moved) await rename(old, target)
    throw cause
  }
  if (!moved) return
  const fresh = new Set(await readdir(target))
  for (const name of await readdir(old)) {
    const kept = PRINTED_PDFS.has(name) || isExportFile(name, path.basename(target))
    if (kept && !fresh.has(name)) await rename(path.join(old, name), path.join(target, name))
  }
  await rm(old, { recursive: true, force: true })
}
