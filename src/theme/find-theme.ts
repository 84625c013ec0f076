// I/O: where a theme lives, and the extends chain from a theme to its furthest ancestor.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { DeckError, DeckErrors, error, type SourceSpan } from '../diagnostics/diagnostic.js'
import { confineRead, readRoots } from '../project/read-roots.js'
import { parseThemeYaml } from './parse-theme-yaml.js'
import type { ThemeSource } from './resolve-theme-kit.js'
import { listThemeNames } from './list-themes.js'

export const THEME_FILE = 'theme.yml'

/** The first folder among `dirs` that holds `<name>/theme.yml`, skipping the folders in `skip`. */
export async function findThemeDir(name: string, dirs: readonly string[], skip: ReadonlySet<string> = new Set()): Promise<string | undefined> {
  for (const dir of dirs) {
    const themeDir = join(dir, name)
    if (skip.has(themeDir)) continue
    if (await isFile(join(themeDir, THEME_FILE))) return themeDir
  }
  return undefined
}

/** Reads a theme and every theme it extends; the theme first. Throws on a missing theme, bad YAML or a cycle. */
export async function readThemeChain(name: string, dirs: readonly string[]): Promise<ThemeSource[]> {
  const chain: ThemeSource[] = []
  let wanted: { name: string; via?: SourceSpan } | undefined = { name }
  while (wanted) {
    const current: { name: string; via?: SourceSpan } = wanted
    const child = chain.at(-1)
    // `extends: daylight` inside a theme itself named daylight means the next daylight down the lookup order.
    const skip = new Set(chain.map((c) => c.dir))
    if (child && current.name !== child.name && chain.some((c) => c.name === current.name)) {
      const cycle = [...chain.map((c) => c.name), current.name].join(' → ')
      throw new DeckError(error('theme-invalid', `Themes extend each other in a cycle: ${cycle}`, current.via))
    }
    const dir = await findThemeDir(current.name, dirs, skip)
    if (!dir) throw await notFound(current.name, dirs, current.via)
    // A name such as `../../x`, or a theme folder that is a symlink, must not lead out of the lookup folders.
    const file = join(dir, THEME_FILE)
    const confined = await confineRead(file, await readRoots(dirs, `the theme folders ${dirs.join(', ')}`), current.via, `Theme "${current.name}" at`)
    if (!confined.ok) throw new DeckError(confined.diagnostic)
    const parsed = parseThemeYaml(await readFile(file, 'utf8'), file)
    if (!parsed.value) throw parsed.diagnostics.length === 1 ? new DeckError(parsed.diagnostics[0]!) : new DeckErrors(parsed.diagnostics)
    chain.push({ name: current.name, dir, parsed: parsed.value })
    const parent = parsed.value.input.extends
    wanted = parent ? { name: parent, via: parsed.value.spans['extends'] ?? { file, line: 1 } } : undefined
  }
  return chain
}

async function notFound(name: string, dirs: readonly string[], via: SourceSpan | undefined): Promise<DeckError> {
  const known = await listThemeNames(dirs)
  const guess = known.length > 0 ? closest(name, known) : undefined
  const looked = dirs.map((d) => join(d, name, THEME_FILE)).join(', ')
  const hint = [guess && `Did you mean "${guess}"?`, known.length > 0 && `Themes available: ${known.join(', ')}.`, `Create one with: deckhand theme new ${name}`]
    .filter(Boolean)
    .join(' ')
  return new DeckError(error('theme-not-found', `Theme "${name}" not found`, via, `${hint} Looked for ${looked}.`))
}

export async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
