// I/O: the headless Chromium shipped inside the @sparticuz/chromium package (Linux x64), unpacked
// once into a per-user cache folder named for its version. It is unpacked into a temporary
// folder and renamed into place, so two first runs at once never write a file the other is
// running (ETXTBSY) and a half-written file is never found; each use checks that the folder
// and the file are this user's, not writable by others, and the size the unpacking recorded.
// The package's last-resort fonts come along: with no font at all on the machine, Chromium
// hangs looking for a fallback font for a character nothing has.
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { DeckError, error } from '../diagnostics/diagnostic.js'

export const EMBEDDED_PACKAGE = '@sparticuz/chromium'

export interface EmbeddedBrowserOptions {
  /** Told once, before the first (slow) unpacking, with the folder it goes to. */
  readonly onUnpack?: (into: string) => void
  /** @defaultValue $XDG_CACHE_HOME/deckhand, else ~/.cache/deckhand */
  readonly cacheDir?: string
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The package's folder. @defaultValue where Node resolves it from deckhand */
  readonly packageDir?: string
}

/** Raised when what is unpacked changes, so older unpackings of the same version are redone. */
const FORMAT = 2

interface Manifest {
  readonly format: number
  readonly version: string
  /** Bytes of the unpacked executable and of the packed file it came from. */
  readonly size: number
  readonly sourceSize: number
}

/** The embedded browser's executable, unpacked on first use; undefined when the package is not installed. */
export async function embeddedBrowserPath(options: EmbeddedBrowserOptions = {}): Promise<string | undefined> {
  const pkgDir = options.packageDir ?? resolvePackageDir()
  if (!pkgDir) return undefined
  const { version } = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }
  const source = path.join(pkgDir, 'bin', 'chromium.br')
  const sourceSize = (await lstat(source)).size
  const root = options.cacheDir ?? defaultCacheDir(options.env ?? process.env)
  const folder = path.join(root, `chromium-${version}`)
  const executable = path.join(folder, 'chromium')
  const state = await inspect(folder, executable, { format: FORMAT, version, sourceSize })
  if (state === 'ready') return executable
  if (state === 'foreign') {
    throw new DeckError(
      error('browser-unpack', `${folder} is not this user's own, or others may write to it: the browser in it is not started`, undefined, 'Remove that folder, or pass --browser <path>.'),
    )
  }
  options.onUnpack?.(folder)
  await mkdir(root, { recursive: true, mode: 0o700 })
  if (state === 'stale') await rm(folder, { recursive: true, force: true })
  const temp = await mkdtemp(path.join(root, `.chromium-${version}.tmp-`))
  try {
    await pipeline(createReadStream(source), createBrotliDecompress({ chunkSize: 1 << 21 }), createWriteStream(path.join(temp, 'chromium'), { mode: 0o700 }))
    await unpackFonts(path.join(pkgDir, 'bin', 'fonts.tar.br'), temp, folder)
    const size = (await lstat(path.join(temp, 'chromium'))).size
    await writeFile(path.join(temp, 'manifest.json'), JSON.stringify({ format: FORMAT, version, size, sourceSize } satisfies Manifest))
    await rename(temp, folder).catch(async (err: NodeJS.ErrnoException) => {
      // Another run finished first: its copy is as good as ours.
      if (err.code !== 'EEXIST' && err.code !== 'ENOTEMPTY') throw err
    })
  } catch (cause) {
    throw new DeckError(error('browser-unpack', `Unpacking the browser into ${folder} failed: ${(cause as Error).message}`, undefined, 'Free some disk space, or pass --browser <path>.'), { cause })
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
  if ((await inspect(folder, executable, { format: FORMAT, version, sourceSize })) !== 'ready') {
    throw new DeckError(error('browser-unpack', `The browser unpacked into ${folder} does not check out`, undefined, 'Remove that folder and try again, or pass --browser <path>.'))
  }
  return executable
}

/** ready: safe to start; missing or stale (ours, but not this version's whole file): unpack; foreign: refuse. */
async function inspect(folder: string, executable: string, expected: Omit<Manifest, 'size'>): Promise<'ready' | 'missing' | 'stale' | 'foreign'> {
  const dir = await lstat(folder).catch(() => undefined)
  if (!dir) return 'missing'
  if (!dir.isDirectory() || !ownedSafely(dir)) return 'foreign'
  const file = await lstat(executable).catch(() => undefined)
  if (!file) return 'stale'
  if (!file.isFile() || !ownedSafely(file)) return 'foreign'
  const manifest = await readFile(path.join(folder, 'manifest.json'), 'utf8').then((t) => JSON.parse(t) as Manifest, () => undefined)
  const fits = manifest?.format === expected.format && manifest.version === expected.version && manifest.sourceSize === expected.sourceSize && manifest.size === file.size
  return fits ? 'ready' : 'stale'
}

/**
 * The package's fonts (Open Sans) into `temp/fonts`, and a fonts.conf that adds them to the
 * system's fonts: the browser is started with it (see embeddedBrowserEnv).
 */
async function unpackFonts(source: string, temp: string, folder: string): Promise<void> {
  // tar-fs is CommonJS: its exports are the default export, in Node and in the bundled CLI alike.
  const { extract } = (await import('tar-fs')).default
  await pipeline(createReadStream(source), createBrotliDecompress(), extract(temp, { ignore: (name) => path.basename(name) === 'fonts.conf' }))
  const conf = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${escapeXml(path.join(folder, 'fonts'))}</dir>`,
    '</fontconfig>',
    '',
  ]
  await writeFile(path.join(temp, 'fonts.conf'), conf.join('\n'))
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The environment an unpacked embedded browser starts with (its fonts.conf); undefined for any other browser. */
export function embeddedBrowserEnv(executablePath: string): Record<string, string> | undefined {
  const conf = path.join(path.dirname(executablePath), 'fonts.conf')
  return path.basename(path.dirname(executablePath)).startsWith('chromium-') && existsSync(conf) && existsSync(path.join(path.dirname(executablePath), 'manifest.json'))
    ? { FONTCONFIG_FILE: conf }
    : undefined
}

function ownedSafely(stats: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.()
  return (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0
}

function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'deckhand')
  return path.join(os.homedir(), '.cache', 'deckhand')
}

/** The package's folder: its exports hide package.json, so walk up from its entry point. */
function resolvePackageDir(): string | undefined {
  let dir: string
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve(EMBEDDED_PACKAGE))
  } catch {
    return undefined
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (path.basename(dir) === 'chromium' && path.basename(path.dirname(dir)) === '@sparticuz') return dir
  }
  return undefined
}
