// I/O: brings an existing output folder up to date by writing only what changed since the
// last write, so a preview rebuild does not copy Reveal.js and the fonts again on every save.
import { createHash } from 'node:crypto'
import { mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { OutputFiles } from '../output/write-deck.js'
import { copyFileAtomic, writeFileAtomic } from '../output/write-file-atomic.js'

/** What was written at each output path: a text hash, or a source file's size and mtime. */
export type WrittenState = Map<string, string>

export interface WriteStats {
  readonly written: number
  readonly unchanged: number
  readonly removed: number
}

/** The signature of every output path; the first asset for a path wins, as in a full write. */
export async function signOutput(output: OutputFiles): Promise<WrittenState> {
  const signed: WrittenState = new Map()
  for (const [rel, text] of Object.entries(output.files)) signed.set(rel, 'text:' + createHash('sha1').update(text).digest('base64'))
  for (const asset of output.assets) {
    if (signed.has(asset.to)) continue
    const info = await stat(asset.from)
    signed.set(asset.to, `file:${asset.from}:${info.size}:${info.mtimeMs}`)
  }
  return signed
}

/** Writes the files whose signature changed and removes files the deck no longer has. */
export async function writeChangedFiles(target: string, output: OutputFiles, state: WrittenState): Promise<WriteStats> {
  try {
    const next = await signOutput(output)
    const sources = new Map<string, string>()
    for (const asset of output.assets) if (!sources.has(asset.to)) sources.set(asset.to, asset.from)
    let written = 0
    for (const [rel, signature] of next) {
      if (state.get(rel) === signature) continue
      const file = path.join(target, rel)
      const text = output.files[rel]
      await mkdir(path.dirname(file), { recursive: true })
      // A page loading meanwhile sees the old file or the new one.
      if (text !== undefined) await writeFileAtomic(file, text, { flush: false })
      else await copyFileAtomic(sources.get(rel)!, file)
      written++
    }
    const gone = [...state.keys()].filter((rel) => !next.has(rel))
    await Promise.all(gone.map((rel) => rm(path.join(target, rel), { force: true })))
    state.clear()
    for (const [k, v] of next) state.set(k, v)
    return { written, unchanged: next.size - written, removed: gone.length }
  } catch (cause) {
    // The state no longer matches the disk: the next write rewrites everything.
    state.clear()
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new DeckError(error('output-write', `Could not update ${target}: ${reason}`), { cause })
  }
}
