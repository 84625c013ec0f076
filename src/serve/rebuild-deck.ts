// I/O: the preview's build: buildDeck with a cache kept between saves (templates, theme,
// parsed chapters), writing only the output files that changed.
import { stat } from 'node:fs/promises'
import createDebug from 'debug'
import { buildDeck, createBuildCache, forgetChanged, type BuildOptions } from '../pipeline/build-deck.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import type { StageResult } from '../diagnostics/diagnostic.js'
import { writeOutputFolder, type OutputFiles } from '../output/write-deck.js'
import type { Project } from '../project/find-project.js'
import { signOutput, writeChangedFiles, type WriteStats, type WrittenState } from './write-changed-files.js'

const debug = createDebug('deck:serve')

export interface Rebuilt {
  readonly result: StageResult<BuiltDeck>
  readonly stats: WriteStats & { readonly reused: readonly string[] }
}

export interface DeckBuilder {
  /** Rebuilds after `changed` files changed ('all' forgets every cache). Throws like buildDeck. */
  build(changed: readonly string[] | 'all'): Promise<Rebuilt>
}

/** A builder that remembers its last inputs; the first build writes the whole folder atomically. */
export function createDeckBuilder(project: Project, deckName: string, options: BuildOptions = {}): DeckBuilder {
  const cache = createBuildCache()
  const written: WrittenState = new Map()
  const folder = { id: '' }
  return {
    async build(changed) {
      forgetChanged(cache, project, deckName, changed)
      let stats: WriteStats = { written: 0, unchanged: 0, removed: 0 }
      const write = async (outDir: string, output: OutputFiles): Promise<void> => {
        stats = await writeOutput(outDir, output, written, folder)
      }
      const result = await buildDeck(project, deckName, { ...options, cache, write })
      debug('rebuilt %s: wrote %d, kept %d, reused %o', deckName, stats.written, stats.unchanged, cache.reused)
      return { result, stats: { ...stats, reused: [...cache.reused] } }
    },
  }
}

/**
 * The first write replaces the folder whole (no stale files); later ones touch only changes,
 * unless the folder was replaced or removed meanwhile (a `deckhand build` run beside the preview).
 */
async function writeOutput(outDir: string, output: OutputFiles, written: WrittenState, folder: { id: string }): Promise<WriteStats> {
  if (written.size > 0 && (await folderId(outDir)) === folder.id) return writeChangedFiles(outDir, output, written)
  written.clear()
  await writeOutputFolder(outDir, output)
  for (const [k, v] of await signOutput(output)) written.set(k, v)
  folder.id = await folderId(outDir)
  return { written: written.size, unchanged: 0, removed: 0 }
}

async function folderId(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => undefined)
  return info ? `${info.dev}:${info.ino}` : ''
}
