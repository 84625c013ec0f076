// I/O: opens a built deck in headless Chromium through a loopback server and measures each slide.
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { blockForeignRequests } from '../pdf/block-foreign-requests.js'
import { findBrowser } from '../pdf/find-browser.js'
import { openBrowser } from '../pdf/open-browser.js'
import { serveOutput } from '../pdf/serve-output.js'
import type { DeckMeasurements, SlideMeasurement } from './deck-measurements.js'
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
}

const CSS_ESCAPE = (id: string): string => id.replace(/["\\]/g, '\\$&')

/** Measures every slide of the built deck; page script errors and blocked requests come back as warnings. */
export async function measureDeck(options: MeasureDeckOptions): Promise<StageResult<DeckMeasurements>> {
  const timeoutMs = options.timeoutMs ?? 60_000
  const executablePath = await findBrowser({ ...(options.browserPath && { explicit: options.browserPath }), ...(options.onUnpack && { onUnpack: options.onUnpack }) })
  const server = await serveOutput(options.outDir)
  const diagnostics: Diagnostic[] = []
  let step = 'starting the browser'
  try {
    const handle = await openBrowser({ executablePath, timeoutMs })
    try {
      const page = await handle.browser.newPage()
      page.setDefaultTimeout(timeoutMs)
      page.on('pageerror', (err) => diagnostics.push(warning('page-error', `Script error in the deck: ${err instanceof Error ? err.message : String(err)}`)))
      // Only the output folder is loaded: a check must not depend on (or leak to) the network.
      await blockForeignRequests(page, server.origin, (url) =>
        diagnostics.push(warning('request-blocked', `The deck asks for ${url}, outside its output folder`, undefined, 'A deck that presents offline keeps every file in its output folder.')),
      )
      await page.setViewport({ width: options.width, height: options.height })
      step = 'opening the deck'
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'load', timeout: timeoutMs })
      await page.waitForFunction('window.Reveal && window.Reveal.isReady()', { timeout: timeoutMs, polling: 50 })
      const count = (await page.evaluate(`(() => {
        Reveal.configure({ transition: 'none', backgroundTransition: 'none', autoSlide: 0 });
        return Reveal.getSlides().length;
      })()`)) as number
      const slides: SlideMeasurement[] = []
      for (let i = 0; i < count; i++) {
        step = `measuring slide ${i + 1} of ${count}`
        const measured = await page.evaluate(measureSlideInPage, i)
        const glyphs = await page.evaluate(measureGlyphsInPage, `[id="${CSS_ESCAPE(measured.id)}"]`)
        const fallbacks = await confirmFallbacks(page, glyphs.filter((g) => !g.tofu))
        slides.push({ ...measured, glyphs: [...glyphs.filter((g) => g.tofu), ...fallbacks] })
      }
      const ids = (await page.evaluate(`[...document.querySelectorAll('[id]')].map((e) => e.id)`)) as string[]
      debug('measured %d slides', slides.length)
      return { value: { slides, ids }, diagnostics }
    } finally {
      await handle.close()
    }
  } catch (cause) {
    if (cause instanceof DeckError) throw cause
    const reason = cause instanceof Error ? cause.message : String(cause)
    const code = (cause as Error)?.name === 'TimeoutError' ? 'pdf-timeout' : 'page-error'
    throw new DeckError(error(code, `Checking ${options.outDir} in the browser failed while ${step}: ${reason}`), { cause })
  } finally {
    await server.close()
  }
}
