import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buffer } from 'node:stream/consumers'
import { pack } from 'tar-fs'
import { embeddedBrowserEnv, embeddedBrowserPath } from '../../../src/browser/unpack-embedded-browser.js'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'

let dir: string
let packageDir: string
let cacheDir: string
const BINARY = '#!/bin/sh\necho fake chromium\n'.repeat(1000)

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-embedded-'))
  packageDir = path.join(dir, 'pkg')
  cacheDir = path.join(dir, 'cache')
  mkdirSync(path.join(packageDir, 'bin'), { recursive: true })
  writeFileSync(path.join(packageDir, 'package.json'), '{"version":"143.0.4"}')
  writeFileSync(path.join(packageDir, 'bin', 'chromium.br'), brotliCompressSync(BINARY))
  // As the package ships them: a fonts.conf of its own (replaced) and fonts/.
  const fonts = path.join(dir, 'fonts-src')
  mkdirSync(path.join(fonts, 'fonts', 'Open_Sans'), { recursive: true })
  writeFileSync(path.join(fonts, 'fonts.conf'), '<fontconfig><dir>/tmp/fonts</dir></fontconfig>')
  writeFileSync(path.join(fonts, 'fonts', 'Open_Sans', 'OpenSans-Regular.ttf'), 'font')
  const tar = await buffer(pack(fonts))
  writeFileSync(path.join(packageDir, 'bin', 'fonts.tar.br'), brotliCompressSync(tar))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('embeddedBrowserPath', () => {
  it('unpacks once into a folder named for the version, and says so once', async () => {
    const told: string[] = []
    const options = { packageDir, cacheDir, onUnpack: (into: string) => told.push(into) }
    const first = await embeddedBrowserPath(options)
    expect(first).toBe(path.join(cacheDir, 'chromium-143.0.4', 'chromium'))
    expect(readFileSync(first!, 'utf8')).toBe(BINARY)
    expect(await embeddedBrowserPath(options)).toBe(first)
    expect(told).toEqual([path.join(cacheDir, 'chromium-143.0.4')])
    // Its fonts, and a fonts.conf adding them to the system's, which the browser starts with.
    const folder = path.dirname(first!)
    expect(existsSync(path.join(folder, 'fonts', 'Open_Sans', 'OpenSans-Regular.ttf'))).toBe(true)
    expect(readFileSync(path.join(folder, 'fonts.conf'), 'utf8')).toContain(`<dir>${path.join(folder, 'fonts')}</dir>`)
    expect(embeddedBrowserEnv(first!)).toEqual({ FONTCONFIG_FILE: path.join(folder, 'fonts.conf') })
    expect(embeddedBrowserEnv('/usr/bin/chromium')).toBeUndefined()
    // No temporary folder is left behind.
    expect(readdirSync(cacheDir)).toEqual(['chromium-143.0.4'])
  })

  it('lets two first runs at once both succeed with one copy', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => embeddedBrowserPath({ packageDir, cacheDir })))
    expect(new Set(runs).size).toBe(1)
    expect(readFileSync(runs[0]!, 'utf8')).toBe(BINARY)
    expect(readdirSync(cacheDir)).toEqual(['chromium-143.0.4'])
  })

  it('unpacks again over a truncated copy (stale), never starting it', async () => {
    const file = (await embeddedBrowserPath({ packageDir, cacheDir }))!
    writeFileSync(file, 'half', { mode: 0o700 })
    let told = 0
    expect(await embeddedBrowserPath({ packageDir, cacheDir, onUnpack: () => told++ })).toBe(file)
    expect(told).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe(BINARY)
  })

  it('refuses a folder or a file that others may write to', async () => {
    const file = (await embeddedBrowserPath({ packageDir, cacheDir }))!
    chmodSync(file, 0o777)
    const err = await embeddedBrowserPath({ packageDir, cacheDir }).catch((e: unknown) => e)
    expect((err as DeckError).diagnostic.code).toBe('browser-unpack')
    chmodSync(file, 0o700)
    chmodSync(path.dirname(file), 0o777)
    expect(((await embeddedBrowserPath({ packageDir, cacheDir }).catch((e: unknown) => e)) as DeckError).diagnostic.code).toBe('browser-unpack')
    expect(existsSync(file)).toBe(true)
  })
})
