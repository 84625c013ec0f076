// I/O: prints a built deck's PDFs (slides.pdf, handout-<layout>.pdf) with one browser for all of
// them: each print document is rendered from the built deck, given the print runtime, served
// from the output folder and printed in one page.pdf() call, then finished and written atomically.
// Products print concurrently, in pages of their own (see open-printer.ts).
import os from 'node:os'
import createDebug from 'debug'
import { DeckError, error, type StageResult } from '../diagnostics/diagnostic.js'
import { guardInterrupts } from '../browser/guard-interrupts.js'
import { launchBrowser } from '../browser/launch-browser.js'
import type { BrowserHandle } from '../browser/open-browser.js'
import { HANDOUT_LAYOUTS, type Paper } from '../model.js'
import { removePendingTempFiles } from '../output/write-file-atomic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { withPrintRuntime } from '../print/print-runtime.js'
import type { PrintProduct } from '../print/render-print-document.js'
import { loadPdfLib } from './load-pdf-lib.js'
import { printRenderer } from './print-renderer.js'
import { openPrinter, type ExportProgress, type Printer, type PrintJob } from './open-printer.js'

export type { ExportProgress } from './open-printer.js'

const debug = createDebug('deck:pdf')

export interface ExportPdfsOptions {
  /** What to print. @defaultValue `slides` and deck.yml's handout layouts */
  readonly products?: readonly PrintProduct[]
  /** Paper for handouts. @defaultValue deck.yml's */
  readonly paper?: Paper
  /** slides.pdf: one page per fragment step. @defaultValue false */
  readonly fragments?: boolean
  /** `--browser`: the Chrome or Chromium to print with. */
  readonly browserPath?: string
  /** Limit for each browser step, in ms. @defaultValue 120000 */
  readonly timeoutMs?: number
  /** Let printed pages fetch from outside the output folder. @defaultValue false */
  readonly allowNetwork?: boolean
  /** Tagged PDFs, with structure for screen readers (slower to print). @defaultValue false */
  readonly tagged?: boolean
  /** Products printed at once. @defaultValue the machine's cores */
  readonly concurrency?: number
  readonly env?: Readonly<Record<string, string | undefined>>
  /** A browser started ahead of time with launchBrowser (e.g. while the deck builds); closed here. */
  readonly browser?: Promise<BrowserHandle>
  readonly onProgress?: (event: ExportProgress) => void
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}

export { DECK_STYLESHEETS } from './print-renderer.js'

export const DEFAULT_PRINT_TIMEOUT_MS = 120_000

/** Prints slides.pdf and handout-<layout>.pdf next to the built deck's index.html. */
export async function exportPdfs(built: BuiltDeck, options: ExportPdfsOptions = {}): Promise<StageResult<{ files: string[] }>> {
  const products = options.products ?? ['slides', ...built.config.handouts.layouts]
  const paper = options.paper ?? built.config.handouts.paper
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS
  checkProducts(products)
  // Chromium starts in its own processes while the print documents render here.
  const browser = options.browser ?? launchBrowser({ ...options, timeoutMs })
  browser.catch(() => undefined) // awaited below; this only keeps an early failure from counting as unhandled
  // pdf-lib (for the outline) compiles while Chromium prints, instead of after.
  loadPdfLib().catch(() => undefined)
  const concurrency = options.concurrency ?? os.availableParallelism()
  let jobs: PrintJob[]
  try {
    jobs = printJobs(built, products, paper, options.fragments ?? false)
    // The first pages' documents render while Chromium starts; the others while it prints.
    for (const job of jobs.slice(0, concurrency)) job.html()
  } catch (err) {
    await browser.then((b) => b.close()).catch(() => undefined)
    throw err
  }
  let printer: Printer | undefined
  const cleanup = (): void => {
    printer?.kill()
    removePendingTempFiles()
  }
  return guardInterrupts(cleanup, async () => {
    printer = await openPrinter({
      outDir: built.outDir,
      browser,
      timeoutMs,
      allowNetwork: options.allowNetwork ?? false,
      tagged: options.tagged ?? false,
      concurrency,
      closeWhenPrinted: true,
    })
    try {
      return await printer.print(built, jobs, { paper, ...(options.onProgress && { onProgress: options.onProgress }) })
    } finally {
      await printer.close()
      debug('printer closed')
    }
  })
}

/**
 * Each product's print document, with the print runtime the printer relies on; rendered when
 * first asked for (a product can print while the next one renders), then kept.
 */
export function printJobs(built: BuiltDeck, products: readonly PrintProduct[], paper: Paper, fragments: boolean): PrintJob[] {
  const render = printRenderer(built, paper, fragments)
  return products.map((product) => {
    let html: string | undefined
    return { product, html: () => (html ??= withPrintRuntime(render(product))) }
  })
}

function checkProducts(products: readonly string[]): void {
  const known: readonly string[] = ['slides', ...HANDOUT_LAYOUTS]
  const unknown = products.find((p) => !known.includes(p))
  if (unknown !== undefined) {
    throw new DeckError(error('handout-layout-unknown', `Unknown print product "${unknown}"`, undefined, `Products: ${known.join(', ')}`))
  }
}
