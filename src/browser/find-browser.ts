import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { embeddedBrowserPath, EMBEDDED_PACKAGE } from '../browser/unpack-embedded-browser.js'
import { DeckError, error } from '../diagnostics/diagnostic.js'

export interface FindBrowserOptions {
  /** `--browser`: used as given, and an error when it is not there. */
  readonly explicit?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly platform?: string
  /** Injected in tests; defaults to "is an executable file". */
  readonly exists?: (file: string) => boolean
  readonly arch?: string
  /** Injected in tests; defaults to the browser shipped in @sparticuz/chromium, unpacked on first use. */
  readonly embedded?: () => Promise<string | undefined>
  /** Told before the embedded browser is unpacked (once per version and user). */
  readonly onUnpack?: (into: string) => void
}

const HINT = 'Install Chrome or Chromium (apt-get install chromium), or set CHROME_PATH / pass --browser <path>.'
/** `--browser embedded` starts the browser shipped inside the package, even when another is installed. */
export const EMBEDDED = 'embedded'

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

/** Finds a Chrome/Chromium/Edge executable: --browser, env, system paths, PATH, then the embedded one (Linux x64). */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<string> {
  const env = options.env ?? process.env
  const platform = options.platform ?? process.platform
  const exists = options.exists ?? isExecutableFile
  const looked: string[] = []
  const embeddedHere = platform === 'linux' && (options.arch ?? process.arch) === 'x64'
  const embedded = (): Promise<string | undefined> => (options.embedded ?? (() => embeddedBrowserPath({ env, ...(options.onUnpack && { onUnpack: options.onUnpack }) })))()

  if (options.explicit === EMBEDDED) {
    const found = embeddedHere ? await embedded() : undefined
    if (found) return found
    throw new DeckError(error('browser-not-found', `No embedded browser here (${EMBEDDED_PACKAGE} ships one for Linux x64 only)`, undefined, HINT))
  }
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
  for (const candidate of [...(SYSTEM_PATHS[platform] ?? []), ...userPaths(env, platform)]) {
    if (exists(candidate)) return candidate
  }
  looked.push('system paths')
  const onPath = searchPath(env, platform, exists)
  if (onPath) return onPath
  looked.push('PATH')
  if (embeddedHere) {
    const found = await embedded()
    if (found) return found
    looked.push(EMBEDDED_PACKAGE)
  }
  throw new DeckError(
    error('browser-not-found', `No Chrome, Chromium or Edge found (looked at ${looked.join(', ')})`, undefined, HINT),
  )
}

/** Chrome installed for one user (Windows puts it under %LOCALAPPDATA% when not run as admin). */
function userPaths(env: Readonly<Record<string, string | undefined>>, platform: string): string[] {
  const local = env.LOCALAPPDATA
  if (platform !== 'win32' || !local) return []
  return [path.win32.join(local, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(local, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]
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
