// I/O: one print document, opened through the browser module and printed in one page.pdf() call.
import type { Browser, PDFOptions } from 'puppeteer-core'
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import { isTimeout, withPage } from '../browser/open-page.js'
import type { Bookmark } from '../print/bookmark-marker.js'
import { measureGlyphsInPage } from '../check/measure-glyphs-in-page.js'

const debug = createDebug('deck:pdf')

export interface PrintDocumentOptions {
  readonly browser: Browser
  /** The served print document. */
  readonly url: string
  /** Requests to this origin are allowed; others are blocked unless `allowNetwork`. */
  readonly origin: string
  readonly allowNetwork: boolean
  readonly timeoutMs: number
  /** For messages: which deck and which product is being printed. */
  readonly deckName: string
  readonly product: string
  /** Extra page.pdf options (e.g. Chromium's own header/footer templates). */
  readonly pdfOptions?: PDFOptions
  /** The page's content box in CSS px: the page is laid out at this size, in print media, before it prints. */
  readonly viewport: { readonly width: number; readonly height: number }
  /** A tagged PDF (structure for screen readers); it takes Chromium about half again as long. */
  readonly tagged?: boolean
}

export interface PrintedDocument {
  readonly pdf: Uint8Array
  /** The document's bookmarks in page order; their markers are link annotations in `pdf`. */
  readonly bookmarks: readonly Bookmark[]
  /** Characters no font drew (empty boxes); the PDF is not worth writing when there are any. */
  readonly missingGlyphs: string
  readonly diagnostics: readonly Diagnostic[]
}

/** Opens a print document, waits for its ready signal (see print-runtime.ts), and prints it. */
export async function printDocument(options: PrintDocumentOptions): Promise<PrintedDocument> {
  const { timeoutMs, product } = options
  const diagnostics: Diagnostic[] = []
  const hint = 'Only files inside the output folder are loaded while printing; allow the network to fetch others.'
  return withPage(
    {
      browser: options.browser,
      url: options.url,
      origin: options.origin,
      allowNetwork: options.allowNetwork,
      timeoutMs,
      // Laid out for print from the start, at the page's width: what the page measures while it
      // gets ready holds on paper, and printing has less to redo.
      media: 'print',
      viewport: options.viewport,
      ready: { expression: 'window.__deckhandReady === true', polling: 20, step: 'waiting for fonts and images' },
      onPageError: (message) => diagnostics.push(warning('page-error', `${product}: script error in the print page: ${message}`)),
      onBlocked: (url) => diagnostics.push(warning('request-blocked', `${product}: blocked a request to ${url}`, undefined, hint)),
      failed: (cause, step) => printFailed(cause, options, step),
    },
    async ({ page, step }) => {
      const broken = (await page.evaluate('window.__deckhandBroken || []')) as string[]
      const bookmarks = (await page.evaluate('window.__deckhandBookmarks || []')) as Bookmark[]
      for (const src of broken) diagnostics.push(warning('image-broken', `${product}: image ${src} could not be loaded`))
      step('looking for characters no font has')
      const missingGlyphs = (await page.evaluate(measureGlyphsInPage, 'body')).filter((g) => g.tofu).map((g) => g.chars).join('')
      // Empty boxes on paper are a failed print: nothing is printed, and the caller says where.
      if (missingGlyphs) return { pdf: new Uint8Array(), bookmarks, missingGlyphs, diagnostics }
      step('printing')
      const started = Date.now()
      // A one-pixel viewport parks the print document's body (see print-runtime.ts): the layout
      // Chromium does again after printing, as long as the one before, then has nothing to do.
      await page.setViewport({ width: Math.round(options.viewport.width), height: 1 })
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        // The outline is built from the bookmark markers afterwards (see addOutline).
        outline: false,
        tagged: options.tagged ?? false,
        timeout: timeoutMs,
        ...options.pdfOptions,
      })
      debug('%s: printed in %d ms', product, Date.now() - started)
      return { pdf, bookmarks, missingGlyphs, diagnostics }
    },
  )
}

function printFailed(cause: unknown, options: PrintDocumentOptions, step: string): DeckError {
  const what = `${options.deckName}: ${options.product}`
  if (isTimeout(cause)) {
    return new DeckError(
      error('pdf-timeout', `Printing ${what} timed out after ${options.timeoutMs / 1000} s while ${step}`, undefined, 'Raise --timeout, or look for an image or font that never finishes loading.'),
      { cause },
    )
  }
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new DeckError(error('pdf-failed', `Printing ${what} failed while ${step}: ${reason}`), { cause })
}
