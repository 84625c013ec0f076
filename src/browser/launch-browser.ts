// I/O: finds Chromium and starts it, in one call; what print and check (and the exports to come) use.
import { findBrowser } from './find-browser.js'
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
