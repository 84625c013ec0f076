// I/O: the preview's deck builder in a worker thread when the compiled worker is there (the
// package, the bundle), else in this thread (tests run from the sources).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BuildOptions } from '../pipeline/build-deck.js'
import { DeckError, DeckErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Project } from '../project/find-project.js'
import { createDeckBuilder, type DeckBuilder, type Rebuilt } from './rebuild-deck.js'

export interface WorkerSetup {
  readonly project: Project
  readonly deckName: string
  readonly options: Pick<BuildOptions, 'outDir' | 'theme' | 'paper' | 'handouts'>
}

export interface BuildRequest {
  readonly changed: readonly string[] | 'all'
}

export type BuildReply =
  | { readonly ok: true; readonly rebuilt: Rebuilt }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string; readonly stack: string | undefined }

export interface ClosableDeckBuilder extends DeckBuilder {
  close(): Promise<void>
}

// The bundle has the worker as a file of its own beside it; the compiled package beside this module.
const WORKER_FILES = ['./serve-build-worker.mjs', './build-worker.js'].map((name) => new URL(name, import.meta.url))

/** Builds in a worker thread; one build at a time, as the caller schedules them. */
export function startDeckBuilder(project: Project, deckName: string, options: BuildOptions): ClosableDeckBuilder {
  const file = WORKER_FILES.find((url) => existsSync(fileURLToPath(url)))
  if (!file) return { ...createDeckBuilder(project, deckName, options), close: async () => {} }
  const setup: WorkerSetup = { project, deckName, options: { outDir: options.outDir, theme: options.theme, paper: options.paper, handouts: options.handouts } }
  const worker = new Worker(file, { workerData: setup })
  return {
    build(changed) {
      return new Promise<Rebuilt>((resolve, reject) => {
        const onError = (err: Error): void => reject(err)
        worker.once('error', onError)
        worker.once('message', (reply: BuildReply) => {
          worker.off('error', onError)
          if (reply.ok) resolve(reply.rebuilt)
          else if ('diagnostics' in reply) reject(reply.diagnostics.length === 1 ? new DeckError(reply.diagnostics[0]!) : new DeckErrors(reply.diagnostics))
          else reject(Object.assign(new Error(reply.message), { stack: reply.stack }))
        })
        worker.postMessage({ changed } satisfies BuildRequest)
      })
    },
    async close() {
      await worker.terminate()
    },
  }
}
