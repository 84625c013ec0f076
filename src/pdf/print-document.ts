// I/O: one print document, opened through the browser module and printed in one page.pdf() call.
import type { Browser, Page, PDFOptions } from 'puppeteer-core'
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import { isTimeout, withPage } from '../browser/open-page.js'
import { describeStall, type Stall } from '../browser/watch-stall.js'
import { whileDoing } from '../browser/guard-interrupts.js'
import type { Slide } from '../model.js'
import type { Bookmark } from '../print/bookmark-marker.js'
import { measureGlyphsInPage } from '../check/measure-glyphs-in-page.js'
import { blockedRequest, locateImage, locateInSlides } from './locate-in-slides.js'

const debug = createDebug('deck:pdf')

export interface PrintDocumentOptions {
  readonly browser: Browser
  /** A page kept from an earlier print. @defaultValue a new page */
  readonly newPage?: () => Promise<Page>
  /** Takes the page once printed, for the next print. @defaultValue it is closed */
  readonly keep?: (page: Page) => void
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
  /** The built deck's slides: a blocked URL or a stuck script is reported at the line that names it. */
  readonly slides?: readonly Slide[]
  /** Blocked or broken URLs already reported (by an earlier product of the same deck): each is told once. */
  readonly reportedUrls?: Set<string>
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
  const diagnostics: Diagnostic[] = []
  const reportedUrls = options.reportedUrls ?? new Set<string>()
  const done = whileDoing(`printing ${options.deckName}: ${options.product}`)
  try {
    return await printIn(options, diagnostics, reportedUrls)
  } finally {
    done()
  }
}

async function printIn(options: PrintDocumentOptions, diagnostics: Diagnostic[], reportedUrls: Set<string>): Promise<PrintedDocument> {
  const { timeoutMs, product } = options
  return withPage(
    {
      browser: options.browser,
      ...(options.newPage && { newPage: options.newPage }),
      ...(options.keep && { keep: options.keep }),
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
      onBlocked: (url) => {
        if (reportedUrls.has(url)) return
        reportedUrls.add(url)
        diagnostics.push(blockedRequest(options.slides ?? [], url, 'printing', BLOCKED_HINT))
      },
      failed: (cause, step, stall) => printFailed(cause, options, step, stall),
    },
    async ({ page, step }) => {
      const broken = (await page.evaluate('window.__deckhandBroken || []')) as string[]
      const bookmarks = (await page.evaluate('window.__deckhandBookmarks || []')) as Bookmark[]
      // Once per image, at its line; a blocked one has been told already.
      for (const src of broken) {
        if (reportedUrls.has(src)) continue
        reportedUrls.add(src)
        diagnostics.push(warning('image-broken', `Image ${src} could not be loaded while printing`, locateImage(options.slides ?? [], src)))
      }
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

const BLOCKED_HINT = 'Only files inside the output folder are loaded while printing; put the file in the deck, or pass --allow-network.'

const STALL_HINTS: Record<Stall['kind'], string> = {
  script: 'Printing waits for every script of the deck to finish: fix or remove this one.',
  request: 'Raise --timeout, or look for an image or font that never finishes loading.',
  navigated: 'A slide must not send the page elsewhere (a <meta http-equiv="refresh"> or a script setting location).',
}

function printFailed(cause: unknown, options: PrintDocumentOptions, step: string, stall: Stall | undefined): DeckError {
  const what = `${options.deckName}: ${options.product}`
  if (isTimeout(cause)) {
    const heldUp = stall ? `, held up by ${describeStall(stall)}` : ''
    const named = stall && stall.kind === 'script' ? stall.text : stall?.url
    const span = named ? locateInSlides(options.slides ?? [], named) : undefined
    return new DeckError(
      error('pdf-timeout', `Printing ${what} timed out after ${options.timeoutMs / 1000} s while ${step}${heldUp}`, span, STALL_HINTS[stall?.kind ?? 'request']),
      { cause },
    )
  }
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new DeckError(error('pdf-failed', `Printing ${what} failed while ${step}: ${reason}`), { cause })
}
