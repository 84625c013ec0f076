// I/O: writes a deck's output folder next to the old one and swaps it in, so a failed build
// leaves the previous output exactly as it was.
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { AssetRef } from '../model.js'
import { checkRemovable, checkReplaceable, OUTPUT_MARKER, OUTPUT_MARKER_TEXT, sweepStale, workFolderName, workStamp } from './guard-output.js'
import { isExportFile } from '../export/export-file-name.js'
import { PRINTED_PDFS } from './pdf-file-name.js'

export interface OutputFiles {
  /** Text files by path relative to the output folder. */
  readonly files: Readonly<Record<string, string>>
  readonly assets: readonly AssetRef[]
}

/**
 * Builds `target` in a sibling temporary folder and renames it into place. An existing `target`
 * is replaced only when deckhand made it and every folder in it can be removed.
 */
export async function writeOutputFolder(target: string, output: OutputFiles): Promise<void> {
  const parent = path.dirname(target)
  const name = path.basename(target)
  const stamp = workStamp()
  const temp = path.join(parent, workFolderName(name, 'tmp', stamp))
  await checkReplaceable(target)
  await sweepStale(parent, name)
  try {
    await mkdir(temp, { recursive: true })
    await writeAll(temp, output)
    await writeFile(path.join(temp, OUTPUT_MARKER), OUTPUT_MARKER_TEXT)
    await keepPrintedOutputs(target, temp)
    await checkRemovable(target)
    await swapInto(temp, target, path.join(parent, workFolderName(name, 'old', stamp)))
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
 * PDFs and exports printed into the old folder go into the new one unless it has its own:
 * building the HTML again must not throw away the handouts printed from it. They are linked
 * (or copied), never moved, so the old folder stays whole until the swap.
 */
async function keepPrintedOutputs(target: string, temp: string): Promise<void> {
  const old = await readdir(target).catch(() => [] as string[])
  const fresh = new Set(await readdir(temp))
  for (const name of old) {
    const kept = PRINTED_PDFS.has(name) || isExportFile(name, path.basename(target))
    if (!kept || fresh.has(name)) continue
    const from = path.join(target, name)
    await link(from, path.join(temp, name)).catch(() => copyFile(from, path.join(temp, name)))
  }
}

/** Two renames: readers see the old folder or the new one, never a half-written one. */
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
  // A folder that resists removal now is swept by the next build.
  if (moved) await rm(old, { recursive: true, force: true }).catch(() => undefined)
}
