// I/O orchestration of `deckhand serve`: build, serve the output folder, watch, rebuild, reload.
import path from 'node:path'
import type { BuildOptions } from '../pipeline/build-deck.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { diagnosticsOf, error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { formatDiagnostic } from '../diagnostics/format.js'
import { findDeck } from '../pipeline/build-deck.js'
import type { Project } from '../project/find-project.js'
import { startDeckBuilder } from './deck-builder-thread.js'
import type { Rebuilt } from './rebuild-deck.js'
import { startPreviewServer, type PreviewServer } from './start-preview-server.js'
import { watchDeck, type DeckWatcher } from './watch-deck.js'

export interface ServeDeckOptions extends BuildOptions {
  /** @defaultValue '127.0.0.1' */
  readonly host?: string
  /** @defaultValue 8000; 0 picks any free port */
  readonly port?: number
  /** @defaultValue 100 */
  readonly debounceMs?: number
  /** Told about every build, good or bad; the CLI prints these. */
  readonly onBuild?: (event: BuildEvent) => void
}

export type BuildEvent =
  | { readonly ok: true; readonly ms: number; readonly changed: readonly string[]; readonly rebuilt: Rebuilt }
  | { readonly ok: false; readonly ms: number; readonly changed: readonly string[]; readonly diagnostics: readonly Diagnostic[]; readonly cause: unknown }

export interface ServeSession {
  readonly server: PreviewServer
  /** The deck's output folder, which the server serves. */
  readonly outDir: string
  /** The last good build, if any. */
  readonly deck: () => BuiltDeck | undefined
  close(): Promise<void>
}

/** Builds the deck, serves it with live reload and rebuilds on every change until closed. */
export async function serveDeck(project: Project, deckName: string, options: ServeDeckOptions = {}): Promise<ServeSession> {
  const ref = findDeck(project, deckName)
  const builder = startDeckBuilder(project, deckName, options)
  const outDir = path.join(path.resolve(options.outDir ?? project.outDir), ref.name)
  let last: BuiltDeck | undefined
  let server: PreviewServer | undefined
  let running: Promise<void> = Promise.resolve()
  let queued: Set<string> | 'all' | undefined
  let watcher: DeckWatcher | undefined
  // The error shown to pages that connect later (also before the server exists, on a failed first build).
  let problem: { lines: string[] } | null = null

  async function rebuild(changed: readonly string[] | 'all'): Promise<void> {
    const started = performance.now()
    const list = changed === 'all' ? [] : changed
    try {
      const rebuilt = await builder.build(changed)
      last = rebuilt.result.value
      options.onBuild?.({ ok: true, ms: performance.now() - started, changed: list, rebuilt })
      problem = null
      server?.setState(null)
      server?.send('build-ok')
      server?.send('reload')
      watcher?.add(last.inputs)
    } catch (cause) {
      const diagnostics = diagnosticsOf(cause) ?? [error('internal', cause instanceof Error ? cause.message : String(cause))]
      options.onBuild?.({ ok: false, ms: performance.now() - started, changed: list, diagnostics, cause })
      problem = { lines: diagnostics.map((d) => formatDiagnostic(d, project.root)) }
      server?.setState('build-error', problem)
      server?.send('build-error', problem)
    }
  }

  /** Builds one at a time; changes that arrive during a build are merged into the next one. */
  function schedule(changed: readonly string[] | 'all'): void {
    if (queued === undefined) {
      queued = changed === 'all' ? 'all' : new Set(changed)
      running = running.then(() => {
        const batch = queued === 'all' ? 'all' : [...(queued ?? [])]
        queued = undefined
        return rebuild(batch)
      })
    } else if (queued !== 'all') {
      if (changed === 'all') queued = 'all'
      else changed.forEach((f) => (queued as Set<string>).add(f))
    }
  }

  await rebuild('all')
  server = await startPreviewServer({ root: outDir, ...(options.host && { host: options.host }), port: options.port ?? 8000 }).catch(async (err: unknown) => {
    await builder.close()
    throw err
  })
  if (problem) server.setState('build-error', problem)
  try {
    // A lone file's folder may hold anything (and its output): only the file and what it uses are watched.
    const dirs = [...(ref.file ? [ref.file, path.join(ref.dir, 'templates'), path.join(ref.dir, 'themes')] : [ref.dir]), ...project.templateDirs, ...project.themeDirs]
    watcher = await watchDeck({ paths: [...new Set(dirs)], ignore: [ref.file ? outDir : path.resolve(options.outDir ?? project.outDir)], ...(options.debounceMs !== undefined && { debounceMs: options.debounceMs }), onChange: schedule })
    if (last) watcher.add(last.inputs)
  } catch (err) {
    await server.close()
    await builder.close()
    throw err
  }
  const started = server
  return {
    server: started,
    outDir,
    deck: () => last,
    async close() {
      await watcher?.close()
      await running
      await started.close()
      await builder.close()
    },
  }
}
