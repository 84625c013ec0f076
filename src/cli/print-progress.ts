// Progress of a deck's print, told in every terminal and in CI logs: a line per PDF with its
// pages and time when it is written, and on a terminal also a live line naming what prints now.
import path from 'node:path'
import type { ExportProgress } from '../pdf/export-pdfs.js'
import { relativePath, type CliIo } from './cli-io.js'

export interface PrintProgress {
  readonly onProgress: (event: ExportProgress) => void
  /** Clears the live line. */
  readonly end: () => void
}

export function printProgress(io: CliIo, deck: string): PrintProgress {
  const started = new Map<string, number>()
  const live = (text: string): void => {
    if (io.isTty) io.live?.(text)
  }
  // Products overlap (one is finished while the next prints): the live line names those still printing.
  const showPrinting = (): void => live(started.size ? `${deck}: printing ${[...started.keys()].join(', ')}…` : '')
  return {
    onProgress(event) {
      if (event.phase === 'printing') {
        started.set(event.product, performance.now())
        showPrinting()
        return
      }
      const seconds = (performance.now() - (started.get(event.product) ?? performance.now())) / 1000
      started.delete(event.product)
      live('')
      const name = event.file ? relativePath(io, event.file) : path.join(deck, event.product)
      io.out(`  ${name}: ${event.pages ?? '?'} page${event.pages === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`)
      showPrinting()
    },
    end: () => live(''),
  }
}
