// I/O: the themes available to a deck, in lookup order, and where each comes from.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDocument } from 'yaml'

export type ThemeOrigin = 'deck' | 'project' | 'built-in'

export interface ThemeDir {
  readonly dir: string
  readonly origin: ThemeOrigin
}

export interface ThemeListing {
  readonly name: string
  readonly origin: ThemeOrigin
  readonly dir: string
  /** The theme it extends, '' for none. */
  readonly extends: string
  readonly description: string
  /** A theme of the same name earlier in the lookup order wins over this one. */
  readonly shadowed: boolean
}

/** Every theme folder (one with a theme.yml) in the given folders, highest priority first. */
export async function listThemes(dirs: readonly ThemeDir[]): Promise<ThemeListing[]> {
  const seen = new Set<string>()
  const out: ThemeListing[] = []
  for (const { dir, origin } of dirs) {
    for (const name of await themeFolders(dir)) {
      const meta = await readMeta(join(dir, name, 'theme.yml'))
      if (!meta) continue
      out.push({ name, origin, dir: join(dir, name), ...meta, shadowed: seen.has(name) })
      seen.add(name)
    }
  }
  return out
}

/** Names of the themes found in the folders, without duplicates, sorted. */
export async function listThemeNames(dirs: readonly string[]): Promise<string[]> {
  const names = new Set<string>()
  for (const dir of dirs) for (const name of await themeFolders(dir)) if ((await readMeta(join(dir, name, 'theme.yml'))) !== undefined) names.add(name)
  return [...names].sort()
}

async function themeFolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
  } catch {
    return []
  }
}

/** The listing fields of a theme.yml; a file that does not parse still lists, without them. */
async function readMeta(file: string): Promise<{ extends: string; description: string } | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  const data: unknown = parseDocument(text).toJS()
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  const str = (v: unknown): string => (typeof v === 'string' ? v : '')
  return { extends: str(record['extends']), description: str(record['description']) }
}
