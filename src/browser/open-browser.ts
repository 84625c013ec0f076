import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import createDebug from 'debug'
import type { Browser } from 'puppeteer-core'
import { embeddedBrowserEnv } from '../browser/unpack-embedded-browser.js'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { onInterrupt } from './guard-interrupts.js'

const debug = createDebug('deck:pdf')

export interface OpenBrowserOptions {
  readonly executablePath: string
  readonly timeoutMs: number
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
  // Headless Chromium still builds the omnibox popup's web UI, unseen: a second renderer that
  // took about a second of CPU on a 2-core machine, in parallel with the first print.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
]

/** Launches headless Chromium with a fresh temporary profile. */
export async function openBrowser(options: OpenBrowserOptions): Promise<BrowserHandle> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'deckhand-chromium-'))
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
  let browser: Browser
  const fontconfig = embeddedBrowserEnv(options.executablePath)
  try {
    // Loaded here so that HTML-only builds never load puppeteer-core.
    const { default: puppeteer } = await import('puppeteer-core')
    browser = await puppeteer.launch({
      executablePath: options.executablePath,
      headless: true,
      userDataDir: profile,
      timeout: options.timeoutMs,
      protocolTimeout: Math.max(options.timeoutMs, 30_000),
      args: [...CHROMIUM_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      ...(fontconfig && { env: { ...process.env, ...fontconfig } }),
      // Interrupts are handled by the export itself, which also removes partial files.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
  } catch (cause) {
    removeProfile()
    throw new DeckError(
      error(
        'browser-launch',
        `Could not start the browser ${options.executablePath}: ${(cause as Error)?.message ?? cause}`,
        undefined,
        'Check that the path is a Chrome or Chromium executable; as root, it needs --no-sandbox (added automatically).',
      ),
      { cause },
    )
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
    removeProfile()
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
