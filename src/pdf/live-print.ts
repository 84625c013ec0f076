// I/O: the PDFs of `serve --pdf` and `pdf --watch`, kept up with every build by a browser kept
// warm between them. Each build's products are compared with those last printed (see
// print-inputs.ts): only the ones the change touched are printed again, concurrently.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import createDebug from 'debug'
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import { launchBrowser, type LaunchBrowserOptions } from '../browser/launch-browser.js'
import type { BrowserHandle } from '../browser/open-browser.js'
import { pdfFileName } from '../output/pdf-file-name.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { withPrintRuntime } from '../print/print-runtime.js'
import type { PrintProduct } from '../print/render-print-document.js'
import { DEFAULT_PRINT_TIMEOUT_MS, type ExportPdfsOptions } from './export-pdfs.js'
import { printRenderer } from './print-renderer.js'
import { openPrinter, type Printer, type PrintJob } from './open-printer.js'
import { productSignature } from './print-inputs.js'
// Blocks that print hides: slides-only ones in handouts, handout-only ones on slides (handouts.css).
import { HANDOUT_ONLY_CLASS, SLIDES_ONLY_CLASS } from '../slides/markdown.js'

const debug = createDebug('deck:pdf')

export interface LivePrintOptions extends Omit<ExportPdfsOptions, 'browser'> {
  /** The deck's output folder, where the PDFs go. */
  readonly outDir: string
  /** With the default products (`slides` and deck.yml's layouts, at each build): slides.pdf among them. @defaultValue true */
  readonly slides?: boolean
}

export interface LivePrint {
  /** Printed again by this build, in product order. */
  readonly printed: readonly PrintProduct[]
  /** Left as they were: nothing they show changed. */
  readonly unchanged: readonly PrintProduct[]
  readonly files: readonly string[]
  readonly diagnostics: readonly Diagnostic[]
  readonly ms: number
}

export interface LivePrinter {
  /**
   * Brings the PDFs up to `built`. Builds that arrive while one prints are folded into the
   * next print, of the latest one; their promises resolve with that print.
   */
  update(built: BuiltDeck): Promise<LivePrint>
  close(): Promise<void>
}

/** Starts the browser at once, so the first print finds it warm. */
export function startLivePrinter(options: LivePrintOptions): LivePrinter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS
  const launch: LaunchBrowserOptions = {
    timeoutMs,
    ...(options.browserPath && { browserPath: options.browserPath }),
    ...(options.env && { env: options.env }),
    ...(options.onUnpack && { onUnpack: options.onUnpack }),
  }
  const start = (): { browser: Promise<BrowserHandle>; printer: Promise<Printer> } => {
    const browser = launchBrowser(launch)
    browser.catch(() => undefined) // a launch failure is reported by the first print
    const printer = openPrinter({
      outDir: options.outDir,
      browser,
      timeoutMs,
      allowNetwork: options.allowNetwork ?? false,
      tagged: options.tagged ?? false,
      warm: true,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    })
    printer.catch(() => undefined)
    return { browser, printer }
  }
  let { browser, printer } = start()
  /** A browser that has stopped since it started (crashed, killed, out of memory): its printer can never print again. */
  const stopped = (): Promise<boolean> => browser.then((b) => !b.browser.connected, () => false)
  const printedAs = new Map<PrintProduct, string>()
  let latest: BuiltDeck | undefined
  let waiting: { resolve: (p: LivePrint) => void; reject: (e: unknown) => void }[] = []
  // The print under way and the builds folded into it; undefined when idle.
  let running: Promise<void> | undefined
  let closed = false

  async function printLatest(): Promise<void> {
    while (latest && !closed) {
      const built = latest
      const told = waiting
      latest = undefined
      waiting = []
      try {
        const result = await printChanged(built)
        told.forEach((w) => w.resolve(result))
      } catch (err) {
        told.forEach((w) => w.reject(err))
      }
    }
    running = undefined
  }

  async function printChanged(built: BuiltDeck): Promise<LivePrint> {
    const started = performance.now()
    const products = options.products ?? [...(options.slides === false ? [] : (['slides'] as const)), ...built.config.handouts.layouts]
    const paper = options.paper ?? built.config.handouts.paper
    const render = printRenderer(built, paper, options.fragments ?? false)
    const stamps = await stampAssets(built)
    const jobs: (PrintJob & { signature: string })[] = []
    const unchanged: PrintProduct[] = []
    for (const product of products) {
      const html = render(product)
      const signature = productSignature({ html, files: built.output.files, stamps, hiddenClass: product === 'slides' ? HANDOUT_ONLY_CLASS : SLIDES_ONLY_CLASS })
      const onDisk = await stat(path.join(options.outDir, pdfFileName(product))).then(() => true, () => false)
      if (onDisk && printedAs.get(product) === signature) unchanged.push(product)
      else jobs.push({ product, signature, html: () => withPrintRuntime(html) })
    }
    debug('live print: %o changed, %o unchanged', jobs.map((j) => j.product), unchanged)
    if (jobs.length === 0) return { printed: [], unchanged, files: [], diagnostics: [], ms: performance.now() - started }
    // Until it prints well, a product counts as not printed (a failure is tried again next time).
    for (const job of jobs) printedAs.delete(job.product)
    const run = { paper, ...(options.onProgress && { onProgress: options.onProgress }) }
    const diagnostics: Diagnostic[] = []
    if (await stopped()) restart(diagnostics)
    let result
    try {
      result = await (await printer).print(built, jobs, run)
    } catch (err) {
      // A browser that stopped while printing is replaced, and the print tried once more.
      if (!(await stopped())) throw err
      restart(diagnostics)
      result = await (await printer).print(built, jobs, run)
    }
    for (const job of jobs) if (result.value.files.includes(path.join(path.resolve(options.outDir), pdfFileName(job.product)))) printedAs.set(job.product, job.signature)
    return { printed: jobs.map((j) => j.product), unchanged, files: result.value.files, diagnostics: [...diagnostics, ...result.diagnostics], ms: performance.now() - started }
  }

  function restart(diagnostics: Diagnostic[]): void {
    debug('live print: the browser has stopped; starting another')
    void printer.then((p) => p.close(), () => undefined)
    ;({ browser, printer } = start())
    diagnostics.push(warning('browser-stopped', 'The browser printing the PDFs had stopped; a new one was started', undefined, 'If it keeps stopping, the machine may be short of memory.'))
  }

  return {
    update(built) {
      latest = built
      const done = new Promise<LivePrint>((resolve, reject) => waiting.push({ resolve, reject }))
      running ??= printLatest()
      return done
    },
    async close() {
      closed = true
      const pending = waiting
      waiting = []
      // Builds never printed are dropped; a print under way finishes first.
      pending.forEach((w) => w.resolve({ printed: [], unchanged: [], files: [], diagnostics: [], ms: 0 }))
      await running
      await printer.then((p) => p.close(), () => browser.then((b) => b.close()).catch(() => undefined))
    },
  }
}

/** Each copied file's source, stamped by size and mtime: an image replaced on disk reprints. */
async function stampAssets(built: BuiltDeck): Promise<Map<string, string>> {
  const infos = await Promise.all(built.output.assets.map((asset) => stat(asset.from).catch(() => undefined)))
  const stamps = new Map<string, string>()
  // The first asset for a path wins, as in the written folder.
  built.output.assets.forEach((asset, i) => {
    const info = infos[i]
    if (info && !stamps.has(asset.to)) stamps.set(asset.to, `${info.size}:${info.mtimeMs}`)
  })
  return stamps
}
