// I/O: opens a built deck in headless Chromium through a loopback server and measures each slide.
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { launchBrowser } from '../browser/launch-browser.js'
import { isTimeout, withPage } from '../browser/open-page.js'
import { serveFolder, type FolderServer } from '../browser/serve-folder.js'
import type { Page } from 'puppeteer-core'
import type { Slide } from '../model.js'
import { locateInSlides } from '../pdf/locate-in-slides.js'
import type { ContrastMeasurement, DeckMeasurements, SlideMeasurement } from './deck-measurements.js'
import { measureBackdropContrastInPage, showBackdropOnly } from './measure-backdrop-in-page.js'
import { measureGlyphsInPage } from './measure-glyphs-in-page.js'
import { measureSlideInPage } from './measure-in-page.js'
import { confirmFallbacks } from './probe-platform-fonts.js'

const debug = createDebug('deck:check')

export interface MeasureDeckOptions {
  /** The deck's output folder (holds index.html). */
  readonly outDir: string
  readonly width: number
  readonly height: number
  /** `--browser`. */
  readonly browserPath?: string
  /** @defaultValue 60000 */
  readonly timeoutMs?: number
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
  /** Ids of the slides with a background picture or video, whose text is judged against it. */
  readonly backdrops?: ReadonlySet<string>
  /** The built deck's slides: a blocked URL is reported at the line that names it. */
  readonly slides?: readonly Slide[]
}

const CSS_ESCAPE = (id: string): string => id.replace(/["\\]/g, '\\$&')

/** Measures every slide of the built deck; page script errors and blocked requests come back as warnings. */
export async function measureDeck(options: MeasureDeckOptions): Promise<StageResult<DeckMeasurements>> {
  const timeoutMs = options.timeoutMs ?? 60_000
  const diagnostics: Diagnostic[] = []
  const handle = await launchBrowser({ ...(options.browserPath && { browserPath: options.browserPath }), timeoutMs, ...(options.onUnpack && { onUnpack: options.onUnpack }) })
  let server: FolderServer | undefined
  try {
    server = await serveFolder({ root: options.outDir })
    const hint = 'A deck that presents offline keeps every file in its output folder.'
    return await withPage(
      {
        browser: handle.browser,
        url: `${server.origin}/index.html`,
        // Only the output folder is loaded: a check must not depend on (or leak to) the network.
        origin: server.origin,
        timeoutMs,
        viewport: { width: options.width, height: options.height },
        ready: { expression: 'window.Reveal && window.Reveal.isReady()', polling: 50, step: 'waiting for Reveal.js' },
        onPageError: (message) => diagnostics.push(warning('page-error', `Script error in the deck: ${message}`)),
        onBlocked: (url) => diagnostics.push(warning('request-blocked', `The deck asks for ${url}, outside its output folder`, locateInSlides(options.slides ?? [], url), hint)),
        failed: (cause, step) => checkFailed(cause, step, timeoutMs),
      },
      async ({ page, step }) => {
        const count = (await page.evaluate(`(() => {
          Reveal.configure({ transition: 'none', backgroundTransition: 'none', autoSlide: 0 });
          return Reveal.getSlides().length;
        })()`)) as number
        const slides: SlideMeasurement[] = []
        for (let i = 0; i < count; i++) {
          step(`measuring slide ${i + 1} of ${count}`)
          const measured = await page.evaluate(measureSlideInPage, i)
          const glyphs = await page.evaluate(measureGlyphsInPage, `[id="${CSS_ESCAPE(measured.id)}"]`)
          const fallbacks = await confirmFallbacks(page, glyphs.filter((g) => !g.tofu))
          const contrast = options.backdrops?.has(measured.id) ? await measureBackdrop(page, measured.id) : undefined
          slides.push({ ...measured, glyphs: [...glyphs.filter((g) => g.tofu), ...fallbacks], ...(contrast && { contrast }) })
        }
        const ids = (await page.evaluate(`[...document.querySelectorAll('[id]')].map((e) => e.id)`)) as string[]
        debug('measured %d slides', slides.length)
        return { value: { slides, ids }, diagnostics }
      },
    )
  } finally {
    await Promise.all([handle.close(), server?.close()])
  }
}

/** The slide's background alone on screen, photographed, then the text judged against the photograph. */
async function measureBackdrop(page: Page, id: string): Promise<ContrastMeasurement[]> {
  let shot: string
  await page.evaluate(showBackdropOnly, true)
  try {
    shot = await page.screenshot({ encoding: 'base64', type: 'png' })
  } finally {
    await page.evaluate(showBackdropOnly, false)
  }
  return page.evaluate(measureBackdropContrastInPage, { id, shot })
}

function checkFailed(cause: unknown, step: string, timeoutMs: number): DeckError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  if (isTimeout(cause)) {
    return new DeckError(error('browser-timeout', `Checking the deck timed out after ${timeoutMs / 1000} s while ${step}`, undefined, 'Raise --timeout, or look for an image or font that never finishes loading.'), { cause })
  }
  return new DeckError(error('check-failed', `Checking the deck in the browser failed while ${step}: ${reason}`), { cause })
}
