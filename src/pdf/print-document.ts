import type { Browser, PDFOptions } from 'puppeteer-core'
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Bookmark } from '../render/handouts/bookmark-marker.js'
import { measureGlyphsInPage } from '../check/measure-glyphs-in-page.js'
import { blockForeignRequests } from './block-foreign-requests.js'

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

/** Opens a print document, waits for its ready signal, and prints it in one page.pdf() call. */
export async function printDocument(options: PrintDocumentOptions): Promise<PrintedDocument> {
  const { browser, timeoutMs } = options
  const diagnostics: Diagnostic[] = []
  const page = await browser.newPage()
  let step = 'opening the page'
  try {
    page.setDefaultTimeout(timeoutMs)
    page.on('pageerror', (err) =>
      diagnostics.push(warning('page-error', `${options.product}: script error in the print page: ${errorText(err)}`)),
    )
    if (!options.allowNetwork) {
      await blockForeignRequests(page, options.origin, (url) =>
        diagnostics.push(
          warning(
            'request-blocked',
            `${options.product}: blocked a request to ${url}`,
            undefined,
            'Only files inside the output folder are loaded while printing; allow the network to fetch others.',
          ),
        ),
      )
    }
    // Laid out for print from the start, at the page's width: what the page measures while it
    // gets ready holds on paper, and printing has less to redo.
    await page.emulateMediaType('print')
    await page.setViewport({ width: Math.round(options.viewport.width), height: Math.round(options.viewport.height) })
    const started = Date.now()
    await page.goto(options.url, { waitUntil: 'load', timeout: timeoutMs })
    debug('%s: loaded in %d ms', options.product, Date.now() - started)
    step = 'waiting for fonts and images'
    await page.waitForFunction('window.__deckhandReady === true', { timeout: timeoutMs, polling: 20 })
    const broken = (await page.evaluate('window.__deckhandBroken || []')) as string[]
    const bookmarks = (await page.evaluate('window.__deckhandBookmarks || []')) as Bookmark[]
    for (const src of broken) {
      diagnostics.push(warning('image-not-found', `${options.product}: image ${src} could not be loaded`))
    }
    debug('%s: ready after %d ms', options.product, Date.now() - started)
    step = 'looking for characters no font has'
    const missingGlyphs = (await page.evaluate(measureGlyphsInPage, 'body')).filter((g) => g.tofu).map((g) => g.chars).join('')
    if (missingGlyphs) return { pdf: new Uint8Array(), bookmarks, missingGlyphs, diagnostics }
    step = 'printing'
    // A one-pixel viewport parks the print document's body (see document.hbs): the layout
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
    debug('%s: printed after %d ms', options.product, Date.now() - started)
    return { pdf, bookmarks, missingGlyphs, diagnostics }
  } catch (cause) {
    throw wrapPrintError(cause, options, step)
  } finally {
    await page.close().catch(() => undefined)
  }
}

function wrapPrintError(cause: unknown, options: PrintDocumentOptions, step: string): DeckError {
  if (cause instanceof DeckError) return cause
  const name = (cause as Error)?.name
  const what = `${options.deckName}: ${options.product}`
  if (name === 'TimeoutError') {
    return new DeckError(
      error(
        'pdf-timeout',
        `Printing ${what} timed out after ${options.timeoutMs} ms while ${step}`,
        undefined,
        'Raise the timeout, or look for an image or font that never finishes loading.',
      ),
      { cause },
    )
  }
  return new DeckError(error('pdf-failed', `Printing ${what} failed while ${step}: ${errorText(cause)}`), { cause })
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
