import createDebug from 'debug'
import type { Browser } from 'puppeteer-core'
import { embeddedBrowserEnv } from '../browser/unpack-embedded-browser.js'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { onInterrupt, whileDoing } from './guard-interrupts.js'
import { makeRunFolder, sweepDeadRuns } from './run-folder.js'

const debug = createDebug('deck:pdf')

export interface OpenBrowserOptions {
  readonly executablePath: string
  readonly timeoutMs: number
  /** Limit for starting and first answering. @defaultValue LAUNCH_TIMEOUT_MS */
  readonly launchTimeoutMs?: number
}

/** A running browser; always `close()` it (or `kill()` it when the process is going down). */
export interface BrowserHandle {
  readonly browser: Browser
  close(): Promise<void>
  /** Synchronous: kills the browser's process group and removes its profile. */
  kill(): void
}

/** Chromium's command-line flags for printing (also used by the bench's stricter floor). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--font-render-hinting=none',
  // No crash reporter: its handler processes would be two more to outlive a killed run.
  '--disable-breakpad',
  '--disable-crash-reporter',
  // Headless Chromium still builds the omnibox popup's web UI, unseen: a second renderer that
  // took about a second of CPU on a 2-core machine, in parallel with the first print. It also
  // keeps a spare renderer process started for a navigation to another site, which a print never
  // makes (a kept page loads the next document from the same origin):
  // 20-30 MB of memory held for nothing while the print renderer is at its largest.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI,SpareRendererForSitePerProcess',
]

/** How long Chromium may take to start and answer; far less than a print may take. */
export const LAUNCH_TIMEOUT_MS = 20_000

/**
 * Launches headless Chromium with a fresh profile in a run folder of its own. It talks over a
 * pipe, so it ends when deckhand ends, even by kill -9; the folders such a run leaves behind
 * are removed by the next launch.
 */
export async function openBrowser(options: OpenBrowserOptions): Promise<BrowserHandle> {
  sweepDeadRuns()
  const run = makeRunFolder()
  // Its own limit, not the print's: a short --timeout must not fail a slow start, nor a long
  // one hide a browser that never starts.
  const launchMs = options.launchTimeoutMs ?? LAUNCH_TIMEOUT_MS
  const env = { ...process.env, ...embeddedBrowserEnv(options.executablePath), ...(run.tmp && { TMPDIR: run.tmp }) }
  const abort = new AbortController()
  const done = whileDoing(`starting the browser ${options.executablePath}`)
  let browser: Browser
  try {
    // Loaded here so that HTML-only builds never load puppeteer-core.
    const { default: puppeteer } = await import('puppeteer-core')
    const stop = startLaunchClock(launchMs, () => abort.abort(new Error('launch timed out')))
    try {
      browser = await puppeteer.launch({
        executablePath: options.executablePath,
        headless: true,
        pipe: true,
        userDataDir: run.profile,
        timeout: launchMs,
        protocolTimeout: Math.max(options.timeoutMs, 30_000),
        args: [...CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env,
        // Aborting kills the process group of a browser that never answered.
        signal: abort.signal,
        // Interrupts are handled by the export itself, which also removes partial files.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
    } finally {
      stop()
    }
  } catch (cause) {
    run.remove()
    throw launchFailed(options.executablePath, cause, abort.signal.aborted ? launchMs : undefined)
  } finally {
    done()
  }
  debug('browser launched')
  const kill = (): void => {
    const child = browser.process()
    if (child?.pid && child.exitCode === null) {
      try {
        // puppeteer starts Chromium in its own process group: take its helpers down too.
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    run.remove()
  }
  // From launch to close, an interrupt takes the browser and its profile down with the process.
  const release = onInterrupt(kill)
  return {
    browser,
    kill,
    async close() {
      release()
      try {
        await withTimeout(browser.close(), 5_000)
      } catch {
        // A browser that will not close politely is killed below.
      }
      kill()
    },
  }
}

function launchFailed(executablePath: string, cause: unknown, timedOutAfterMs: number | undefined): DeckError {
  if (timedOutAfterMs !== undefined) {
    return new DeckError(
      error(
        'browser-launch',
        `The browser ${executablePath} did not start within ${timedOutAfterMs / 1000} s`,
        undefined,
        'Check that the path is a Chrome or Chromium executable that runs on this machine, or pass another with --browser.',
      ),
      { cause },
    )
  }
  return new DeckError(
    error(
      'browser-launch',
      `Could not start the browser ${executablePath}: ${(cause as Error)?.message ?? cause}`,
      undefined,
      'Check that the path is a Chrome or Chromium executable; as root, it needs --no-sandbox (added automatically).',
    ),
    { cause },
  )
}

/**
 * Calls `expired` once `limitMs` of the launch have passed, counting at most a second for any
 * stretch in which this process could not look (a large deck building in the same thread):
 * a browser that answered meanwhile is not taken for one that never started.
 */
function startLaunchClock(limitMs: number, expired: () => void): () => void {
  const TICK_MS = 250
  let counted = 0
  let last = Date.now()
  const timer = setInterval(() => {
    const now = Date.now()
    counted += Math.min(now - last, 1_000)
    last = now
    if (counted < limitMs) return
    clearInterval(timer)
    expired()
  }, TICK_MS)
  return () => clearInterval(timer)
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
