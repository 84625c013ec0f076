// I/O: prints a built deck's PDFs (slides.pdf, handout-<layout>.pdf) with one browser for all of
// them: each print document is rendered from the built deck, given the print runtime, served
// from the output folder and printed in one page.pdf() call, then finished and written atomically.
import path from 'node:path'
import createDebug from 'debug'
import { DeckError, error, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { guardInterrupts } from '../browser/guard-interrupts.js'
import { launchBrowser } from '../browser/launch-browser.js'
import type { BrowserHandle } from '../browser/open-browser.js'
import { serveFolder, type FolderServer } from '../browser/serve-folder.js'
import { HANDOUT_LAYOUTS, type Paper } from '../model.js'
import { pdfFileName } from '../output/pdf-file-name.js'
import { removePendingTempFiles, writeFileAtomic } from '../output/write-file-atomic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { paperContentBox } from '../print/page-geometry.js'
import { withPrintRuntime } from '../print/print-runtime.js'
import { renderPrintDocument, type PrintProduct } from '../print/render-print-document.js'
import { printPartials } from '../render/load-templates.js'
import { compilePartials } from '../render/template-engine.js'
import { judgePrintedGlyphs } from './judge-printed-glyphs.js'
import { loadPdfLib } from './load-pdf-lib.js'
import { setPdfMetadata } from './pdf-metadata.js'
import { addOutline } from './pdf-outline.js'
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
  readonly env?: Readonly<Record<string, string | undefined>>
  /** A browser started ahead of time with launchBrowser (e.g. while the deck builds); closed here. */
  readonly browser?: Promise<BrowserHandle>
  readonly onProgress?: (event: ExportProgress) => void
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}

/** The deck's own stylesheets, in the deck's order (the theme wins); Reveal's CSS is left out on paper. */
export const DECK_STYLESHEETS: readonly string[] = ['deck.css', 'theme.css', 'math.css']

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
  let documents: { product: PrintProduct; html: string }[]
  try {
    documents = renderDocuments(built, products, paper, options.fragments ?? false)
  } catch (err) {
    await browser.then((b) => b.close()).catch(() => undefined)
    throw err
  }
  debug('print documents rendered')
  const outDir = path.resolve(built.outDir)

  const diagnostics: Diagnostic[] = []
  const files: string[] = []
  let handle: BrowserHandle | undefined
  let server: FolderServer | undefined
  const cleanup = (): void => {
    handle?.kill()
    removePendingTempFiles()
  }
  await guardInterrupts(cleanup, async () => {
    let closing: Promise<unknown> | undefined
    // A browser that never got used (the server failed to start) is closed all the same.
    const close = (): Promise<unknown> =>
      (closing ??= Promise.all([browser.then((b) => b.close()).catch(() => undefined), server?.close()]))
    try {
      server = await serveFolder({ root: outDir })
      handle = await browser
      debug('browser ready')
      // Each PDF is finished (outline, metadata, write) while Chromium prints the next one.
      let finishing: Promise<void> = Promise.resolve()
      const reported = new Set<string>()
      const reportedUrls = new Set<string>()
      for (const { product, html } of documents) {
        options.onProgress?.({ deck: built.name, product, phase: 'printing' })
        const urlPath = `/.deckhand-print-${product}.html`
        server.setPage(urlPath, html)
        const printed = await printDocument({
          browser: handle.browser,
          url: server.origin + urlPath,
          origin: server.origin,
          allowNetwork: options.allowNetwork ?? false,
          timeoutMs,
          deckName: built.name,
          product,
          ...(options.tagged && { tagged: true }),
          slides: built.slides,
          reportedUrls,
          viewport: product === 'slides' ? { width: built.theme.width, height: built.theme.height } : paperContentBox(paper),
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
          continue
        }
        const finish = async (): Promise<void> => {
          const started = Date.now()
          const pdf = await setPdfMetadata(await addOutline(printed.pdf, printed.bookmarks), {
            title: built.config.title,
            author: built.config.author,
            subject: built.config.subtitle || built.config.event,
          })
          const file = path.join(outDir, pdfFileName(product))
          await writeFileAtomic(file, pdf)
          debug('%s: outline, metadata and write took %d ms', product, Date.now() - started)
          files.push(file)
          options.onProgress?.({ deck: built.name, product, phase: 'done', pages: countPages(pdf), file })
        }
        finishing = finishing.then(finish)
        finishing.catch(() => undefined) // awaited after the loop; this only keeps it from counting as unhandled
      }
      // Chromium takes a while to close: it does so while the last PDF is finished.
      void close()
      await finishing
    } finally {
      await close()
    }
  })
  return { value: { files }, diagnostics }
}

/** Each product's print document, with the print runtime the printer relies on. */
function renderDocuments(built: BuiltDeck, products: readonly PrintProduct[], paper: Paper, fragments: boolean): { product: PrintProduct; html: string }[] {
  const partials = compilePartials(printPartials(built.templates))
  const stylesheets = DECK_STYLESHEETS.filter((f) => f in built.output.files)
  const input = { deck: built.config, slides: built.html.slides, chapters: built.chapters, theme: built.theme, templates: built.templates, paper, fragments, stylesheets }
  return products.map((product) => ({ product, html: withPrintRuntime(renderPrintDocument({ ...input, product }, partials)) }))
}

function checkProducts(products: readonly string[]): void {
  const known: readonly string[] = ['slides', ...HANDOUT_LAYOUTS]
  const unknown = products.find((p) => !known.includes(p))
  if (unknown !== undefined) {
    throw new DeckError(error('handout-layout-unknown', `Unknown print product "${unknown}"`, undefined, `Products: ${known.join(', ')}`))
  }
}

/** Page objects in a PDF as Chromium writes it (page dictionaries are never in compressed streams). */
function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}
