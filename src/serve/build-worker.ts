// A worker thread that runs the preview's rebuilds, so the preview server in the main thread
// keeps answering while a large deck builds (parsing and rendering are synchronous).
import { parentPort, workerData } from 'node:worker_threads'
import { diagnosticsOf } from '../diagnostics/diagnostic.js'
import { createDeckBuilder } from './rebuild-deck.js'
import type { BuildRequest, BuildReply, WorkerSetup } from './deck-builder-thread.js'

const setup = workerData as WorkerSetup
const builder = createDeckBuilder(setup.project, setup.deckName, setup.options)

parentPort!.on('message', (request: BuildRequest) => {
  builder.build(request.changed).then(
    (rebuilt): BuildReply => ({ ok: true, rebuilt }),
    (cause: unknown): BuildReply => {
      const diagnostics = diagnosticsOf(cause)
      if (diagnostics) return { ok: false, diagnostics }
      return { ok: false, message: cause instanceof Error ? cause.message : String(cause), stack: cause instanceof Error ? cause.stack : undefined }
    },
  ).then((reply) => parentPort!.postMessage(reply))
})
