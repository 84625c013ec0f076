// I/O: the slides print document (the one slides.pdf is printed from), opened once in one
// browser and photographed page by page: the pictures PNG export and the picture PowerPoint use.
import path from 'node:path'
import createDebug from 'debug'
import type { Page } from 'puppeteer-core'
import { DeckError, error, warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import { startBrowser, type StartedBrowser } from '../browser/launch-browser.js'
import type { BrowserHandle } from '../browser/open-browser.js'
import { isTimeout, withPage } from '../browser/open-page.js'
import { serveFolder } from '../browser/serve-folder.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { DEFAULT_PRINT_TIMEOUT_MS } from '../pdf/export-pdfs.js'
import { printRenderer } from '../pdf/print-renderer.js'
import { withPrintRuntime } from '../print/print-runtime.js'
import { blockedRequest, brokenImage } from './picture-problems.js'

const debug = createDebug('deck:png')

export interface CaptureOptions {
  /** Pixels per CSS pixel of the slide (2 doubles the theme's width). @defaultValue 1 */
  readonly scale?: number
  /** One picture per fragment step, as slides.pdf with --fragments. @defaultValue false */
  readonly fragments?: boolean
  readonly browserPath?: string
  /** A browser shared with other work (see startBrowser), left open; without one, one is started and closed. */
  readonly browser?: Promise<BrowserHandle>
  readonly timeoutMs?: number
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Told before the embedded browser is unpacked (once per version and user). */
  readonly onUnpack?: (into: string) => void
}

/** One printed page: the slide it shows (its number), the fragment step, and the PNG. */
export interface CapturedPage {
  readonly slide: number
  /** The fragment step this page shows, when the slide has several pages. */
  readonly step?: number
  readonly png: Buffer
}

/** Every page of the deck's slides print document as a PNG, in page order, from one browser launch. */
export async function captureSlides(built: BuiltDeck, options: CaptureOptions = {}): Promise<{ pages: CapturedPage[]; diagnostics: Diagnostic[] }> {
  const scale = options.scale ?? 1
  return withSlidesPage(built, options, async ({ page, step, viewport, diagnostics }) => {
    if (scale !== 1) await page.setViewport({ ...viewport, deviceScaleFactor: scale })
    const frames = await page.$$('.dhp-page')
    const pages: CapturedPage[] = []
    const started = Date.now()
    for (const [i, frame] of frames.entries()) {
      step(`taking the picture of page ${i + 1}`)
      // The page is scrolled to the top of the viewport (the slide's size) and the viewport
      // photographed: a clip beyond it would lay out and paint the whole document each time.
      const info = await frame.evaluate((el) => {
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY)
        return { slide: Number(el.querySelector('section[data-index]')?.getAttribute('data-index')), step: el.getAttribute('data-dhp-step') }
      })
      const png = Buffer.from(await page.screenshot({ type: 'png', captureBeyondViewport: false }))
      pages.push({ slide: info.slide || i + 1, ...(info.step !== null && { step: Number(info.step) }), png })
    }
    debug('%d pages photographed in %d ms', pages.length, Date.now() - started)
    return { pages: numberSteps(pages), diagnostics }
  })
}

export interface SlidesPage {
  readonly page: Page
  readonly step: (what: string) => void
  readonly viewport: { readonly width: number; readonly height: number }
  readonly diagnostics: Diagnostic[]
}

/** The slides print document (final states unless `fragments`) open in one browser, laid out for printing, for `fn`. */
export async function withSlidesPage<T>(built: BuiltDeck, options: Omit<CaptureOptions, 'scale'>, fn: (open: SlidesPage) => Promise<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS
  // A browser of its own unless the caller shares one (one export run, several formats).
  const own = options.browser ? undefined : startCaptureBrowser(options)
  const browser = options.browser ?? own!.browser
  const diagnostics: Diagnostic[] = []
  const blocked = new Set<string>()
  const server = await serveFolder({ root: path.resolve(built.outDir) }).catch(async (cause: unknown) => {
    await own?.close()
    throw cause
  })
  try {
    const handle = await browser
    const urlPath = '/.deckhand-print-png.html'
    server.setPage(urlPath, slidesDocument(built, options.fragments ?? false))
    const viewport = { width: built.theme.width, height: built.theme.height }
    return await withPage(
      {
        browser: handle.browser,
        url: server.origin + urlPath,
        origin: server.origin,
        timeoutMs,
        media: 'print',
        viewport,
        ready: { expression: 'window.__deckhandReady === true', polling: 20, step: 'waiting for fonts and images' },
        onPageError: (message) => diagnostics.push(warning('page-error', `Script error in the print page while taking the pictures: ${message}`)),
        onBlocked: (url) => {
          blocked.add(url)
          diagnostics.push(blockedRequest(built.slides, url))
        },
        failed: (cause, step) => captureFailed(cause, built.name, step, timeoutMs),
      },
      async ({ page, step }) => {
        // A blocked image has been told already.
        for (const src of (await page.evaluate('window.__deckhandBroken || []')) as string[]) if (!blocked.has(src)) diagnostics.push(brokenImage(built.slides, src))
        // The runtime parks the laid-out page until printing starts; printing is what unparks it.
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
        return fn({ page, step, viewport, diagnostics })
      },
    )
  } finally {
    await own?.close()
    await server.close()
  }
}

/** The browser to take pictures with (`--browser`, the embedded one...), started now; close it when done. */
export function startCaptureBrowser(options: Omit<CaptureOptions, 'browser'>): StartedBrowser {
  return startBrowser({ ...options, timeoutMs: options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS })
}

/** The slides print document, rendered as slides.pdf's is (its partials, stylesheets and runtime). */
function slidesDocument(built: BuiltDeck, fragments: boolean): string {
  return withPrintRuntime(printRenderer(built, built.config.handouts.paper, fragments)('slides'))
}

/** Steps counted from 1 per slide, the final state (no data-dhp-step) last; a slide with one page has none. */
function numberSteps(pages: readonly CapturedPage[]): CapturedPage[] {
  const count = new Map<number, number>()
  for (const p of pages) count.set(p.slide, (count.get(p.slide) ?? 0) + 1)
  const seen = new Map<number, number>()
  return pages.map(({ slide, png }) => {
    const k = (seen.get(slide) ?? 0) + 1
    seen.set(slide, k)
    return count.get(slide)! > 1 ? { slide, step: k, png } : { slide, png }
  })
}

function captureFailed(cause: unknown, deck: string, step: string, timeoutMs: number): DeckError {
  if (isTimeout(cause)) {
    return new DeckError(error('pdf-timeout', `Taking the pictures of ${deck} timed out after ${timeoutMs / 1000} s while ${step}`, undefined, 'Raise --timeout, or look for an image or font that never finishes loading.'), { cause })
  }
  const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause)
  return new DeckError(error('export-failed', `Taking the pictures of ${deck} failed while ${step}: ${reason}`), { cause })
}
