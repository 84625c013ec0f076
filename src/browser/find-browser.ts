import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'

export interface FindBrowserOptions {
  /** `--browser`: used as given, and an error when it is not there. */
  readonly explicit?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly platform?: string
  /** Injected in tests; defaults to "is an executable file". */
  readonly exists?: (file: string) => boolean
  /** Injected in tests; defaults to the optional `puppeteer` package's browser. */
  readonly puppeteerPath?: () => Promise<string | undefined>
}

const HINT = 'Install Chromium (apt-get install chromium), or set CHROME_PATH / pass --browser <path>.'

const SYSTEM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
}

const PATH_NAMES: Readonly<Record<string, readonly string[]>> = {
  linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'],
  darwin: ['chromium', 'google-chrome'],
  win32: ['chrome.exe', 'msedge.exe'],
}

/** Finds a Chrome/Chromium/Edge executable: --browser, env, optional puppeteer, system paths, PATH. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<string> {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const exists = options.exists ?? isExecutableFile
  const looked: string[] = []

  if (options.explicit) {
    if (exists(options.explicit)) return options.explicit
    throw new DeckError(
      error('browser-not-found', `Browser not found at ${options.explicit} (given with --browser)`, undefined, HINT),
    )
  }
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[name]
    if (!value) continue
    if (exists(value)) return value
    looked.push(`${name}=${value}`)
  }
  const bundled = await (options.puppeteerPath ?? puppeteerExecutablePath)()
  if (bundled) {
    if (exists(bundled)) return bundled
    looked.push(`puppeteer's browser (${bundled})`)
  }
  for (const candidate of SYSTEM_PATHS[platform] ?? []) {
    if (exists(candidate)) return candidate
  }
  looked.push('system paths')
  const onPath = searchPath(env, platform, exists)
  if (onPath) return onPath
  looked.push('PATH')
  throw new DeckError(
    error('browser-not-found', `No Chrome, Chromium or Edge found (looked at ${looked.join(', ')})`, undefined, HINT),
  )
}

/** The optional `puppeteer` package's downloaded browser, when the package is installed. */
async function puppeteerExecutablePath(): Promise<string | undefined> {
  try {
    const name = 'puppeteer'
    const mod = (await import(name)) as { default?: { executablePath?: () => string } }
    return mod.default?.executablePath?.()
  } catch {
    // Not installed, or its browser download failed: both are normal.
    return undefined
  }
}

function searchPath(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  exists: (file: string) => boolean,
): string | undefined {
  const sep = platform === 'win32' ? ';' : ':'
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  const dirs = (env.PATH ?? env.Path ?? '').split(sep).filter(Boolean)
  for (const dir of dirs) {
    for (const name of PATH_NAMES[platform] ?? []) {
      const candidate = join(dir, name)
      if (exists(candidate)) return candidate
    }
  }
  return undefined
}

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}
