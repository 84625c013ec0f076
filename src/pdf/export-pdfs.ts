import { existsSync } from 'node:fs'
import path from 'node:path'
import createDebug from 'debug'
import { DeckError, error, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { HANDOUT_LAYOUTS, type ChapterRef, type DeckConfig, type HandoutLayout, type Paper, type RenderedSlide, type ThemeStyle } from '../model.js'
import { pdfFileName } from '../output/pdf-file-name.js'
import { paperContentBox } from '../render/handouts/page-geometry.js'
import { renderHandout, type HandoutTemplate, type PrintProduct } from '../render/render-handouts.js'
import { readSlideSources } from '../content/read-slide-sources.js'
import { findBrowser } from './find-browser.js'
import { guardInterrupts } from './guard-interrupts.js'
import { judgePrintedGlyphs } from './judge-printed-glyphs.js'
import { loadHandoutTemplates } from './load-handout-templates.js'
import { loadPdfLib } from './load-pdf-lib.js'
import { openBrowser, type BrowserHandle } from './open-browser.js'
import { setPdfMetadata } from './pdf-metadata.js'
import { addOutline } from './pdf-outline.js'
import { printDocument } from './print-document.js'
import { serveOutput, type OutputServer } from './serve-output.js'
import { removePendingTempFiles, writeFileAtomic } from './write-file-atomic.js'

const debug = createDebug('deck:pdf')

export interface ExportProgress {
  readonly deck: string
  readonly product: PrintProduct
  readonly phase: 'printing' | 'done'
  /** Pages in the written PDF (when done). */
  readonly pages?: number
  readonly file?: string
}

export interface ExportPdfsInput {
  /** The built deck's folder (index.html, theme.css, deck.css, images/, fonts/ …). */
  readonly outDir: string
  readonly deckName: string
  readonly deck: DeckConfig
  readonly slides: readonly RenderedSlide[]
  readonly theme: ThemeStyle
  readonly chapters: readonly ChapterRef[]
  /** Handout templates found in the deck's or project's templates/handouts (win over the built-in ones). */
  readonly handoutTemplates?: ReadonlyMap<string, HandoutTemplate>
  /** Every handouts.css to apply, lowest priority first; by default the built-in one. */
  readonly handoutStyles?: readonly string[]
  readonly products: readonly PrintProduct[]
  readonly paper: Paper
  readonly fragments: boolean
  readonly browserPath?: string
  readonly timeoutMs: number
  readonly allowNetwork: boolean
  /** Tagged PDFs, with structure for screen readers (slower to print). */
  readonly tagged?: boolean
  /** The deck's stylesheets relative to outDir; by default those of DECK_STYLESHEETS that exist. */
  readonly stylesheets?: readonly string[]
  readonly env?: Readonly<Record<string, string | undefined>>
  /** A browser started ahead of time with launchPrintBrowser (e.g. while the deck builds); closed here. */
  readonly browser?: Promise<BrowserHandle>
  readonly onProgress?: (event: ExportProgress) => void
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}

/** The deck's own stylesheets, in the deck's order (the theme wins); Reveal's CSS is left out on paper. */
export const DECK_STYLESHEETS: readonly string[] = ['deck.css', 'theme.css']

/** Finds and starts the print browser; start it early to overlap Chromium's launch with the build. */
export async function launchPrintBrowser(options: {
  readonly browserPath?: string
  readonly timeoutMs: number
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}): Promise<BrowserHandle> {
  const executablePath = await findBrowser({ explicit: options.browserPath, env: options.env ?? process.env, ...(options.onUnpack && { onUnpack: options.onUnpack }) })
  return openBrowser({ executablePath, timeoutMs: options.timeoutMs })
}

/** Prints slides.pdf and handout-<layout>.pdf for a built deck, with one browser for all of them. */
export async function exportPdfs(input: ExportPdfsInput): Promise<StageResult<{ files: string[] }>> {
  checkProducts(input.products)
  // Chromium starts in its own processes while the print documents render here.
  const browser = input.browser ?? launchPrintBrowser(input)
  browser.catch(() => undefined) // awaited below; this only keeps an early failure from counting as unhandled
  // pdf-lib (for the outline) compiles while Chromium prints, instead of after.
  loadPdfLib().catch(() => undefined)
  let documents: { product: PrintProduct; html: string }[]
  try {
    documents = renderDocuments(input)
  } catch (err) {
    await browser.then((b) => b.close()).catch(() => undefined)
    throw err
  }
  debug('print documents rendered')
  const outDir = path.resolve(input.outDir)

  const diagnostics: Diagnostic[] = []
  const files: string[] = []
  let handle: BrowserHandle | undefined
  let server: OutputServer | undefined
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
      server = await serveOutput(outDir)
      handle = await browser
      debug('browser ready')
      // Each PDF is finished (outline, metadata, write) while Chromium prints the next one.
      let finishing: Promise<void> = Promise.resolve()
      let sources: Map<string, string> | undefined
      const reported = new Set<string>()
      for (const { product, html } of documents) {
        input.onProgress?.({ deck: input.deckName, product, phase: 'printing' })
        const urlPath = `/.deckhand-print-${product}.html`
        server.setPage(urlPath, html)
        const printed = await printDocument({
          browser: handle.browser,
          url: server.origin + urlPath,
          origin: server.origin,
          allowNetwork: input.allowNetwork,
          timeoutMs: input.timeoutMs,
          deckName: input.deckName,
          product,
          ...(input.tagged && { tagged: true }),
          viewport: product === 'slides' ? { width: input.theme.width, height: input.theme.height } : paperContentBox(input.paper),
        })
        diagnostics.push(...printed.diagnostics)
        if (printed.missingGlyphs) {
          // Empty boxes on paper are a failed print: the previous PDF stays as it was.
          sources ??= await readSlideSources(input.slides.map((r) => r.slide))
          // The same characters are missing from every product: each place is reported once.
          for (const d of judgePrintedGlyphs(printed.missingGlyphs, input.slides.map((r) => r.slide), sources, input.deck)) {
            const key = `${d.span?.file}:${d.span?.line}:${d.message}`
            if (!reported.has(key)) diagnostics.push(d)
            reported.add(key)
          }
          continue
        }
        const finish = async (): Promise<void> => {
          const started = Date.now()
          const pdf = await setPdfMetadata(await addOutline(printed.pdf, printed.bookmarks), {
            title: input.deck.title,
            author: input.deck.author,
            subject: input.deck.subtitle || input.deck.event,
          })
          const file = path.join(outDir, pdfFileName(product))
          await writeFileAtomic(file, pdf)
          debug('%s: outline, metadata and write took %d ms', product, Date.now() - started)
          files.push(file)
          input.onProgress?.({ deck: input.deckName, product, phase: 'done', pages: countPages(pdf), file })
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

function renderDocuments(input: ExportPdfsInput): { product: PrintProduct; html: string }[] {
  const outDir = path.resolve(input.outDir)
  const { templates, css: builtInCss } = loadHandoutTemplates(undefined, input.handoutTemplates)
  const css = input.handoutStyles?.join('\n') ?? builtInCss
  const stylesheets = input.stylesheets ?? DECK_STYLESHEETS.filter((f) => existsSync(path.join(outDir, f)))
  return input.products.map((product) => ({ product, html: renderHandout({ ...input, product, templates, css, stylesheets }) }))
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

export type { HandoutLayout }
