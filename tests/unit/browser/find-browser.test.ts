import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { findBrowser, isExecutableFile } from '../../../src/browser/find-browser.js'

const BIN = path.resolve(import.meta.dirname, '../../fixtures/bin')
const fake = (name: string): string => path.join(BIN, name)
/** Only the fake executables count, so the machine's own browsers do not leak into the tests. */
const onlyFakes = (file: string): boolean => file.startsWith(BIN + path.sep) && isExecutableFile(file)
const noPuppeteer = async (): Promise<undefined> => undefined

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
    expect(await findBrowser({ explicit: fake('chromium'), env, exists: onlyFakes, puppeteerPath: noPuppeteer })).toBe(fake('chromium'))
  })

  it('fails on a --browser path that is missing or not executable, without falling back', async () => {
    const env = { CHROME_PATH: fake('chromium') }
    expect(await codeOf(findBrowser({ explicit: fake('nope'), env, exists: onlyFakes, puppeteerPath: noPuppeteer }))).toBe('browser-not-found')
    expect(await codeOf(findBrowser({ explicit: fake('not-executable'), env, exists: onlyFakes, puppeteerPath: noPuppeteer }))).toBe('browser-not-found')
  })

  it('uses CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const both = { CHROME_PATH: fake('google-chrome'), PUPPETEER_EXECUTABLE_PATH: fake('chromium') }
    expect(await findBrowser({ env: both, exists: onlyFakes, puppeteerPath: noPuppeteer })).toBe(fake('google-chrome'))
    const second = { CHROME_PATH: fake('missing'), PUPPETEER_EXECUTABLE_PATH: fake('chromium') }
    expect(await findBrowser({ env: second, exists: onlyFakes, puppeteerPath: noPuppeteer })).toBe(fake('chromium'))
  })

  it("uses the optional puppeteer's browser when it exists, and skips it when it does not", async () => {
    const bundled = async (): Promise<string> => fake('google-chrome')
    expect(await findBrowser({ env: {}, exists: onlyFakes, puppeteerPath: bundled })).toBe(fake('google-chrome'))
    const gone = async (): Promise<string> => fake('downloaded-but-deleted')
    expect(await findBrowser({ env: { PATH: BIN }, exists: onlyFakes, puppeteerPath: gone })).toBe(fake('chromium'))
  })

  it('checks the known system paths of the platform', async () => {
    const exists = (file: string): boolean => file === '/usr/bin/google-chrome-stable'
    expect(await findBrowser({ env: {}, platform: 'linux', exists, puppeteerPath: noPuppeteer })).toBe('/usr/bin/google-chrome-stable')
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(await findBrowser({ env: {}, platform: 'darwin', exists: (f) => f === mac, puppeteerPath: noPuppeteer })).toBe(mac)
  })

  it('searches PATH for the usual names', async () => {
    const env = { PATH: ['/nonexistent', BIN].join(':') }
    expect(await findBrowser({ env, platform: 'linux', exists: onlyFakes, puppeteerPath: noPuppeteer })).toBe(fake('chromium'))
  })

  it('says how to get a browser when there is none', async () => {
    const err = await findBrowser({ env: { PATH: '/nonexistent' }, platform: 'linux', exists: onlyFakes, puppeteerPath: noPuppeteer }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    const { diagnostic } = err as DeckError
    expect(diagnostic.code).toBe('browser-not-found')
    expect(diagnostic.hint).toMatch(/apt-get install chromium/)
    expect(diagnostic.hint).toMatch(/CHROME_PATH/)
    expect(diagnostic.hint).toMatch(/--browser/)
  })
})
