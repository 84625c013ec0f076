// I/O: a printer kept open over a deck's output folder: one browser and one folder server,
// reused by every print, so that a reprint under `serve --pdf` or `pdf --watch` pays no start.
// Products print concurrently, each in its own page, as many at a time as the machine has cores
// (Chromium lays out and prints each page in a renderer process of its own).
import os from 'node:os'
import path from 'node:path'
import createDebug from 'debug'
import type { Browser, Page } from 'puppeteer-core'
import { sortByPlace, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { BrowserHandle } from '../browser/open-browser.js'
import { serveFolder, type FolderServer } from '../browser/serve-folder.js'
import type { Paper } from '../model.js'
import { pdfFileName } from '../output/pdf-file-name.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { paperContentBox } from '../print/page-geometry.js'
import type { PrintProduct } from '../print/render-print-document.js'
import { finishPdf } from './finish-pdf.js'
import { judgePrintedGlyphs } from './judge-printed-glyphs.js'
import { printDocument } from './print-document.js'

const debug = createDebug('deck:pdf')

export interface ExportProgress {
  readonly deck: string
  readonly product: PrintProduct
  readonly phase: 'printing' | 'done'
  /** Pages in the written PDF (when done). */
  readonly pages?: number
  readonly file?: string
}

export interface PrinterOptions {
  /** The deck's output folder: served to the print pages, and where the PDFs are written. */
  readonly outDir: string
  readonly browser: Promise<BrowserHandle>
  readonly timeoutMs: number
  readonly allowNetwork: boolean
  readonly tagged: boolean
  /** Products printed at once. @defaultValue the machine's cores */
  readonly concurrency?: number
  /** Kept open between prints (`serve --pdf`): pages are kept for the next print. @defaultValue false */
  readonly warm?: boolean
  /**
   * A one-off print: the browser closes once the last page has printed, while the last PDFs are
   * finished, instead of after them. @defaultValue false
   */
  readonly closeWhenPrinted?: boolean
}

/** One product to print; its document is rendered only when a page is free for it. */
export interface PrintJob {
  readonly product: PrintProduct
  readonly html: () => string
}

export interface PrintRun {
  readonly paper: Paper
  readonly onProgress?: (event: ExportProgress) => void
}

export interface Printer {
  /** Prints the jobs and writes each PDF as soon as it is done. */
  print(built: BuiltDeck, jobs: readonly PrintJob[], run: PrintRun): Promise<StageResult<{ files: string[] }>>
  close(): Promise<void>
  /** Synchronous, for interrupts: kills the browser. */
  kill(): void
}

/** Starts the folder server; the browser is the caller's promise, awaited on the first print. */
export async function openPrinter(options: PrinterOptions): Promise<Printer> {
  const outDir = path.resolve(options.outDir)
  let handle: BrowserHandle | undefined
  options.browser.then((b) => (handle = b)).catch(() => undefined) // awaited where it is used
  let server: FolderServer
  try {
    server = await serveFolder({ root: outDir })
  } catch (err) {
    await options.browser.then((b) => b.close()).catch(() => undefined)
    throw err
  }
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism())
  let closing: Promise<void> | undefined
  let browserClosing: Promise<void> | undefined
  const closeBrowser = (): Promise<void> => (browserClosing ??= options.browser.then((b) => b.close()).catch(() => undefined))
  // Each page is kept once it has printed, for the next document: loading one into a page that
  // has held one reuses its renderer and its memory cache of fonts, styles and images (the
  // example deck's notes loaded in 165 ms against 300 ms in a new page, and got ready in 100 ms
  // against 140 ms). A page kept for a later print is emptied, so that it holds no document
  // between prints; one whose next document is queued goes straight to it (navigating to
  // about:blank first cost each reused page about 80 ms of CPU, the machine's whole print 5%).
  const idle: Promise<Page>[] = []
  // Chromium starts with a blank page, its renderer already running: the first print takes it
  // (a new page beside it left that renderer idle, about 30 MB, for the whole print).
  let startPageTaken = false
  const takePage = async (browser: Browser): Promise<Page> => {
    if (!startPageTaken) {
      startPageTaken = true
      const start = (await browser.pages()).find((p) => p.url() === 'about:blank' && !p.isClosed())
      if (start) return start
    }
    return idle.shift() ?? browser.newPage()
  }
  // Without a next document (the last of a one-off print) a page is simply closed.
  const keep = (browser: Browser, page: Page, another: boolean): void => {
    if (!(another || options.warm) || closing || idle.length >= concurrency) {
      void page.close().catch(() => undefined)
      return
    }
    if (another) {
      idle.push(Promise.resolve(page))
      return
    }
    const emptied = page.goto('about:blank').then(
      () => page,
      () => {
        void page.close().catch(() => undefined)
        return browser.newPage()
      },
    )
    emptied.catch(() => undefined) // a page that cannot be had is reported by the print that asks for it
    idle.push(emptied)
  }
  return {
    async print(built, jobs, run) {
      const browser = (await options.browser).browser
      const diagnostics: Diagnostic[] = []
      const files: string[] = []
      const reported = new Set<string>()
      // A URL blocked in several products is one warning, at the slide line that names it.
      const reportedUrls = new Set<string>()
      let inBrowser = 0
      const printOne = async ({ product, html }: PrintJob): Promise<void> => {
        run.onProgress?.({ deck: built.name, product, phase: 'printing' })
        const urlPath = `/.deckhand-print-${product}.html`
        server.setPage(urlPath, html())
        inBrowser++
        const printed = await printDocument({
          browser,
          newPage: () => takePage(browser),
          keep: (page) => keep(browser, page, queue.length > 0),
          url: server.origin + urlPath,
          origin: server.origin,
          allowNetwork: options.allowNetwork,
          timeoutMs: options.timeoutMs,
          deckName: built.name,
          product,
          ...(options.tagged && { tagged: true }),
          slides: built.slides,
          reportedUrls,
          viewport: product === 'slides' ? { width: built.theme.width, height: built.theme.height } : paperContentBox(run.paper),
        }).finally(() => {
          // Nothing left for Chromium: it shuts down while the PDFs are finished.
          if (--inBrowser === 0 && queue.length === 0 && options.closeWhenPrinted) void closeBrowser()
        })
        diagnostics.push(...printed.diagnostics)
        if (printed.missingGlyphs) {
          // Empty boxes on paper are a failed print: the previous PDF stays as it was.
          // The same characters are missing from every product: each place is reported once.
          for (const d of judgePrintedGlyphs(printed.missingGlyphs, built.slides, built.config)) {
            const key = `${d.span?.file}:${d.span?.line}:${d.message}`
            if (!reported.has(key)) diagnostics.push(d)
            reported.add(key)
          }
          return
        }
        const started = Date.now()
        const { pdf, pages } = await finishPdf(printed.pdf, printed.bookmarks, {
          title: built.config.title,
          author: built.config.author,
          subject: built.config.subtitle || built.config.event,
        })
        const file = path.join(outDir, pdfFileName(product))
        await writeFileAtomic(file, pdf)
        debug('%s: outline, metadata, saving and write took %d ms', product, Date.now() - started)
        files.push(file)
        run.onProgress?.({ deck: built.name, product, phase: 'done', pages, file })
      }
      // A pool: each free slot takes the next job, so no print waits on one it does not need.
      const queue = [...jobs]
      const slot = async (): Promise<void> => {
        for (let job = queue.shift(); job; job = queue.shift()) await printOne(job)
      }
      const slots = Array.from({ length: Math.min(concurrency, jobs.length) }, slot)
      const settled = await Promise.allSettled(slots)
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
      if (failed) throw failed.reason
      // Files in the order the jobs were given, whatever order they finished in.
      const order = jobs.map((j) => path.join(outDir, pdfFileName(j.product)))
      files.sort((a, b) => order.indexOf(a) - order.indexOf(b))
      // Products print concurrently: their warnings are told in the order of the deck's lines.
      return { value: { files }, diagnostics: sortByPlace(diagnostics) }
    },
    close() {
      return (closing ??= Promise.all([closeBrowser(), server.close()]).then(() => undefined))
    },
    kill() {
      handle?.kill()
    },
  }
}
