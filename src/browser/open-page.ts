// I/O: the one way deckhand opens a page in Chromium: script errors collected, requests outside
// the served origin blocked, the page's own ready signal awaited, and the page always closed.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core'
import createDebug from 'debug'
import { DeckError } from '../diagnostics/diagnostic.js'
import { watchStall, type Stall, type StallWatch } from './watch-stall.js'

const debug = createDebug('deck:browser')

export interface OpenPageOptions {
  readonly browser: Browser
  readonly url: string
  /** Requests to this origin (and data:/blob: URLs) load; every other is blocked unless `allowNetwork`. */
  readonly origin: string
  readonly allowNetwork?: boolean
  readonly timeoutMs: number
  /** Where the page comes from: one kept from an earlier print, say. @defaultValue a new page of `browser` */
  readonly newPage?: () => Promise<Page>
  /**
   * Takes the page once `use` has done with it, to load the next document in (its renderer and
   * its memory cache of fonts and images stay warm). @defaultValue the page is closed
   */
  readonly keep?: (page: Page) => void
  /** Laid out at this size from the start. */
  readonly viewport: { readonly width: number; readonly height: number }
  /** 'print' lays the page out for paper from its first layout on. @defaultValue 'screen' */
  readonly media?: 'print' | 'screen'
  /** A JavaScript expression that is true once the page is ready, and how often to ask (ms). */
  readonly ready: { readonly expression: string; readonly polling: number; readonly step: string }
  /** Told each script error of the page. */
  readonly onPageError?: (message: string) => void
  /** Told each blocked URL, once. */
  readonly onBlocked?: (url: string) => void
  /**
   * The caller's error for a failure at `step` (a timeout is a `TimeoutError` cause, with what
   * held the page up when that could be found).
   */
  readonly failed: (cause: unknown, step: string, stall?: Stall) => DeckError
}

/** What `use` gets: the ready page, and a way to name the step it is at for error messages. */
export interface OpenedPage {
  readonly page: Page
  step(name: string): void
}

/**
 * Opens `url` in a new page, waits for its ready signal, runs `use`; the page is closed whatever
 * happens, unless `keep` takes it after a use that went well.
 */
export async function withPage<T>(options: OpenPageOptions, use: (opened: OpenedPage) => Promise<T>): Promise<T> {
  let step = 'opening the page'
  const opened = Date.now()
  const page = await (options.newPage?.() ?? options.browser.newPage())
  let watch: StallWatch | undefined
  let reusable = false
  const onPageError = (err: unknown): void => options.onPageError?.(err instanceof Error ? err.message : String(err))
  let unblock: (() => void) | undefined
  try {
    page.setDefaultTimeout(options.timeoutMs)
    page.on('pageerror', onPageError)
    if (options.allowNetwork) await page.setRequestInterception(false)
    else unblock = await blockForeignRequests(page, options.origin, (url) => options.onBlocked?.(url))
    watch = await watchStall(page, options.url)
    if (options.media === 'print') await page.emulateMediaType('print')
    await page.setViewport({ width: Math.round(options.viewport.width), height: Math.round(options.viewport.height) })
    const started = Date.now()
    debug('%s: page opened and set up in %d ms', options.url, started - opened)
    await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs })
    debug('%s: loaded in %d ms', options.url, Date.now() - started)
    step = options.ready.step
    await page.waitForFunction(options.ready.expression, { timeout: options.timeoutMs, polling: options.ready.polling })
    debug('%s: ready after %d ms', options.url, Date.now() - started)
    const result = await use({ page, step: (name) => void (step = name) })
    reusable = options.keep !== undefined
    return result
  } catch (cause) {
    if (cause instanceof DeckError) throw cause
    const stall = isTimeout(cause) ? await watch?.explain().catch(() => undefined) : undefined
    throw options.failed(cause, step, stall)
  } finally {
    // A page that failed is closed: whatever held it up may still be running in it.
    page.off('pageerror', onPageError)
    unblock?.()
    if (reusable && watch) reusable = await watch.stop().then(() => true, () => false)
    if (reusable) options.keep?.(page)
    else await page.close().catch(() => undefined)
  }
}

/** True for the error puppeteer throws when a wait runs out of time. */
export function isTimeout(cause: unknown): boolean {
  return (cause as Error)?.name === 'TimeoutError'
}

/**
 * Lets `page` load only from `origin` (and data:/blob: URLs); every other request is aborted,
 * and `onBlocked` hears each blocked URL once, so the caller can report it in its own words.
 * Returns what stops the listener (interception stays on, for the next document's listener).
 */
async function blockForeignRequests(page: Page, origin: string, onBlocked: (url: string) => void): Promise<() => void> {
  const reported = new Set<string>()
  await page.setRequestInterception(true)
  const onRequest = (request: HTTPRequest): void => {
    const url = request.url()
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      void request.continue()
      return
    }
    if (!reported.has(url)) {
      reported.add(url)
      onBlocked(url)
    }
    void request.abort('blockedbyclient')
  }
  page.on('request', onRequest)
  return () => void page.off('request', onRequest)
}
