// I/O: the @font-face subsets an installed @fontsource package offers (its own CSS lists each
// subset's woff2 file and unicode-range).
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import postcss from 'postcss'
import { error, DeckError } from '../diagnostics/diagnostic.js'
import { BUNDLED_FONTS, type FaceWanted } from './bundled-fonts.js'
import { parseUnicodeRange, type CodeRange } from './detect-scripts.js'

export interface FontsourceFace {
  readonly family: string
  readonly weight: number
  readonly style: 'normal' | 'italic'
  /** Absolute path of the woff2 file. */
  readonly file: string
  readonly unicodeRange: string
  readonly ranges: readonly CodeRange[]
}

const require = createRequire(import.meta.url)
const cache = new Map<string, Promise<FontsourceFace[]>>()

/**
 * The faces (every Unicode subset) of a bundled font in the weights and styles wanted, or the
 * nearest ones it has. Only those CSS files are parsed: a CJK family lists ~100 subsets a weight.
 * Cached per process.
 */
export function readFontsourceFaces(name: string, wanted: readonly FaceWanted[]): Promise<FontsourceFace[]> {
  const key = `${name}|${wanted.map((w) => `${w.weight}${w.style}`).join(',')}`
  let faces = cache.get(key)
  if (!faces) {
    faces = readFaces(name, wanted)
    cache.set(key, faces)
    faces.catch(() => cache.delete(key))
  }
  return faces
}

/** The npm package of a bundled font (`@fontsource/noto-sans-sc`). */
export function fontPackageName(name: string): string {
  const font = BUNDLED_FONTS[name]
  return font?.single ? font.pkg : `@fontsource/${font?.pkg ?? name}`
}

function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${fontPackageName(name)}/package.json`))
  } catch {
    return undefined
  }
}

/** Whether a bundled font's package is installed (script fonts are optional: a deck that needs one adds it). */
export function isFontInstalled(name: string): boolean {
  return packageDir(name) !== undefined
}

async function readFaces(name: string, wanted: readonly FaceWanted[]): Promise<FontsourceFace[]> {
  if (!BUNDLED_FONTS[name]) throw new DeckError(error('theme-invalid', `"${name}" is not a bundled font`))
  const dir = packageDir(name)
  if (dir === undefined) {
    throw new DeckError(error('theme-file-not-found', `Font package ${fontPackageName(name)} (for "${name}") is not installed`, undefined, `Run npm install ${fontPackageName(name)}.`))
  }
  const single = BUNDLED_FONTS[name]!.single
  if (single) {
    const unicodeRange = single.unicodeRange
    return [{ family: name, weight: 400, style: 'normal', file: join(dir, single.file), unicodeRange, ranges: parseUnicodeRange(unicodeRange) }]
  }
  // Files like 400.css and 700-italic.css hold every subset of one weight and style.
  const available = (await readdir(dir)).flatMap((f) => {
    const m = /^(\d+)(-italic)?\.css$/.exec(f)
    return m ? [{ file: f, weight: Number(m[1]), style: m[2] ? 'italic' : 'normal' }] : []
  })
  const sheets = new Set<string>()
  for (const want of wanted) {
    const sameStyle = available.filter((a) => a.style === want.style)
    const nearest = sameStyle.reduce<(typeof sameStyle)[number] | undefined>((best, a) => (!best || Math.abs(a.weight - want.weight) < Math.abs(best.weight - want.weight) ? a : best), undefined)
    if (nearest) sheets.add(nearest.file)
  }
  const faces: FontsourceFace[] = []
  for (const sheet of sheets) {
    const root = postcss.parse(await readFile(join(dir, sheet), 'utf8'), { from: join(dir, sheet) })
    root.walkAtRules('font-face', (rule) => {
      const prop = (p: string): string => {
        let value = ''
        rule.walkDecls(p, (d) => void (value = d.value))
        return value
      }
      const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(prop('src'))?.[1]
      if (!woff2) return
      const unicodeRange = prop('unicode-range')
      faces.push({
        family: name,
        weight: Number(prop('font-weight')) || 400,
        style: prop('font-style') === 'italic' ? 'italic' : 'normal',
        file: join(dir, 'files', woff2),
        unicodeRange,
        ranges: parseUnicodeRange(unicodeRange),
      })
    })
  }
  return faces
}
