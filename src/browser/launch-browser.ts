// I/O: finds Chromium and starts it, in one call; what print and check (and the exports) use.
import { findBrowser } from './find-browser.js'
import { onInterruptAfter } from './guard-interrupts.js'
import { openBrowser, type BrowserHandle } from './open-browser.js'

export interface LaunchBrowserOptions {
  /** `--browser`. */
  readonly browserPath?: string
  readonly timeoutMs: number
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Told before the embedded browser is unpacked (once per version and user). */
  readonly onUnpack?: (into: string) => void
}

/** Finds and starts headless Chromium; start it early to overlap its launch with other work. Always close it. */
export async function launchBrowser(options: LaunchBrowserOptions): Promise<BrowserHandle> {
  const executablePath = await findBrowser({
    ...(options.browserPath && { explicit: options.browserPath }),
    env: options.env ?? process.env,
    ...(options.onUnpack && { onUnpack: options.onUnpack }),
  })
  return openBrowser({ executablePath, timeoutMs: options.timeoutMs })
}

/** A browser starting, for several users in turn; `close` once when they are done. */
export interface StartedBrowser {
  /** Rejects when it cannot start; its users report that. */
  readonly browser: Promise<BrowserHandle>
  close(): Promise<void>
}

/** Starts the browser now; Ctrl-C, even while Chromium is still starting, leaves none running. */
export function startBrowser(options: LaunchBrowserOptions): StartedBrowser {
  const browser = launchBrowser(options)
  let launched: BrowserHandle | undefined
  // Awaited by its users; this only keeps an early failure from counting as unhandled.
  browser.then((b) => (launched = b)).catch(() => undefined)
  const release = onInterruptAfter(browser, () => launched?.kill())
  return {
    browser,
    async close() {
      release()
      await browser.then((b) => b.close()).catch(() => undefined)
    },
  }
}
