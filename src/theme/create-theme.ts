// I/O: `deckhand theme new` — writes themes/NAME/theme.yml, never over an existing theme.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { findThemeDir, THEME_FILE } from './find-theme.js'
import { listThemeNames } from './list-themes.js'
import { starterThemeYaml } from './starter-theme.js'

export interface CreateThemeOptions {
  /** Folder the theme goes into (the project's themes/). */
  readonly themesDir: string
  readonly base?: string
  /** Where `base` is looked up (deck, project, built-in). */
  readonly lookupDirs: readonly string[]
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/i

/** Writes the starter kit and returns the path of its theme.yml. */
export async function createTheme(name: string, options: CreateThemeOptions): Promise<string> {
  if (!NAME.test(name)) {
    throw new DeckError(error('theme-invalid', `"${name}" cannot be a theme name`, undefined, 'Use letters, digits, dots, dashes and underscores (it becomes a folder name).'))
  }
  if (options.base && !(await findThemeDir(options.base, options.lookupDirs))) {
    const known = await listThemeNames(options.lookupDirs)
    const guess = known.length > 0 ? `Did you mean "${closest(options.base, known)}"? ` : ''
    throw new DeckError(error('theme-not-found', `Theme "${options.base}" to extend not found; looked in ${options.lookupDirs.join(', ')}`, undefined, `${guess}Themes available: ${known.join(', ') || 'none'}`))
  }
  const dir = join(options.themesDir, name)
  const file = join(dir, THEME_FILE)
  await mkdir(dir, { recursive: true })
  try {
    // 'wx' fails when the file exists, so a theme is never overwritten, even by a race.
    await writeFile(file, starterThemeYaml(name, options.base), { flag: 'wx' })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DeckError(error('output-write', `Theme "${name}" already exists at ${file}; not overwriting it`, { file, line: 1 }, 'Pick another name, or edit that file.'), { cause })
    }
    throw new DeckError(error('output-write', `Could not write ${file}`), { cause })
  }
  return file
}
