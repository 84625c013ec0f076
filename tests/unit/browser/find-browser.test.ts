import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { findBrowser, isExecutableFile } from '../../../src/browser/find-browser.js'

const BIN = path.resolve(import.meta.dirname, '../../fixtures/bin')
const fake = (name: string): string => path.join(BIN, name)
/** Only the fake executables count, so the machine's own browsers do not leak into the tests. */
const onlyFakes = (file: string): boolean => file.startsWith(BIN + path.sep) && isExecutableFile(file)
const noEmbedded = async (): Promise<undefined> => undefined
const embeddedAt = (file: string) => async (): Promise<string> => file

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (err) {
    return err instanceof DeckError ? err.diagnostic.code : 'not a DeckError'
  }
  return undefined
}

describe('findBrowser', () => {
  it('takes --browser first, over the environment', async () => {
    const env = { CHROME_PATH: fake('google-chrome') }
    expect(await findBrowser({ explicit: fake('chromium'), env, exists: onlyFakes, embedded: noEmbedded })).toBe(fake('chromium'))
  })

  it('fails on a --browser path that is missing or not executable, without falling back', async () => {
    const env = { CHROME_PATH: fake('chromium') }
    expect(await codeOf(findBrowser({ explicit: fake('nope'), env, exists: onlyFakes, embedded: noEmbedded }))).toBe('browser-not-found')
    expect(await codeOf(findBrowser({ explicit: fake('not-executable'), env, exists: onlyFakes, embedded: noEmbedded }))).toBe('browser-not-found')
  })

  it('uses CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const both = { CHROME_PATH: fake('google-chrome'), PUPPETEER_EXECUTABLE_PATH: fake('chromium') }
    expect(await findBrowser({ env: both, exists: onlyFakes, embedded: noEmbedded })).toBe(fake('google-chrome'))
    const second = { CHROME_PATH: fake('missing'), PUPPETEER_EXECUTABLE_PATH: fake('chromium') }
    expect(await findBrowser({ env: second, exists: onlyFakes, embedded: noEmbedded })).toBe(fake('chromium'))
  })

  it('falls back to the embedded browser on Linux x64 only, after every system browser', async () => {
    const embedded = embeddedAt('/cache/chromium-143/chromium')
    expect(await findBrowser({ env: { PATH: BIN }, platform: 'linux', arch: 'x64', exists: onlyFakes, embedded })).toBe(fake('chromium'))
    expect(await findBrowser({ env: { PATH: '/nonexistent' }, platform: 'linux', arch: 'x64', exists: onlyFakes, embedded })).toBe('/cache/chromium-143/chromium')
    expect(await codeOf(findBrowser({ env: { PATH: '/nonexistent' }, platform: 'linux', arch: 'arm64', exists: onlyFakes, embedded }))).toBe('browser-not-found')
    expect(await codeOf(findBrowser({ env: {}, platform: 'darwin', exists: onlyFakes, embedded }))).toBe('browser-not-found')
  })

  it('starts the embedded browser with --browser embedded even when another is installed', async () => {
    const embedded = embeddedAt('/cache/chromium-143/chromium')
    const env = { CHROME_PATH: fake('chromium'), PATH: BIN }
    expect(await findBrowser({ explicit: 'embedded', env, platform: 'linux', arch: 'x64', exists: onlyFakes, embedded })).toBe('/cache/chromium-143/chromium')
    expect(await codeOf(findBrowser({ explicit: 'embedded', env, platform: 'win32', exists: onlyFakes, embedded }))).toBe('browser-not-found')
  })

  it("finds a Chrome installed for one user on Windows", async () => {
    const file = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }
    expect(await findBrowser({ env, platform: 'win32', exists: (f) => f === file, embedded: noEmbedded })).toBe(file)
  })

  it('checks the known system paths of the platform', async () => {
    const exists = (file: string): boolean => file === '/usr/bin/google-chrome-stable'
    expect(await findBrowser({ env: {}, platform: 'linux', exists, embedded: noEmbedded })).toBe('/usr/bin/google-chrome-stable')
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(await findBrowser({ env: {}, platform: 'darwin', exists: (f) => f === mac, embedded: noEmbedded })).toBe(mac)
  })

  it('searches PATH for the usual names', async () => {
    const env = { PATH: ['/nonexistent', BIN].join(':') }
    expect(await findBrowser({ env, platform: 'linux', exists: onlyFakes, embedded: noEmbedded })).toBe(fake('chromium'))
  })

  it('says how to get a browser when there is none', async () => {
    const err = await findBrowser({ env: { PATH: '/nonexistent' }, platform: 'linux', exists: onlyFakes, embedded: noEmbedded }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    const { diagnostic } = err as DeckError
    expect(diagnostic.code).toBe('browser-not-found')
    expect(diagnostic.hint).toMatch(/apt-get install chromium/)
    expect(diagnostic.hint).toMatch(/CHROME_PATH/)
    expect(diagnostic.hint).toMatch(/--browser/)
  })
})
