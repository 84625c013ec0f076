// I/O: `deckhand theme new` — writes themes/NAME/theme.yml, never over an existing theme.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { findThemeDir, readThemeChain, THEME_FILE } from './find-theme.js'
import { listThemeNames } from './list-themes.js'
import { resolveThemeKit } from './resolve-theme-kit.js'
import { DAYLIGHT_VALUES, starterThemeYaml, type StarterValues } from './starter-theme.js'
import type { FontRef } from './theme-kit.js'

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
    const values = options.base ? await baseValues(options.base, options.lookupDirs) : undefined
    await writeFile(file, starterThemeYaml(name, options.base, values), { flag: 'wx' })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new DeckError(error('file-exists', `Theme "${name}" already exists; not overwriting it`, { file, line: 1 }, 'Pick another name, or edit that file.'), { cause })
    }
    throw new DeckError(error('output-write', `Could not write ${file}`), { cause })
  }
  return file
}

/** The base theme's resolved colours, fonts and slide looks, for the starter's comments. */
async function baseValues(base: string, dirs: readonly string[]): Promise<StarterValues> {
  const kit = resolveThemeKit(await readThemeChain(base, dirs)).value
  if (!kit) return DAYLIGHT_VALUES
  // Only a bundled font can be named on one line; a theme's own font files stay the starter's default.
  const name = (ref: FontRef, fallback: string): string => (ref.kind === 'bundled' ? ref.name : fallback)
  return {
    colors: kit.colors,
    fonts: { heading: name(kit.fonts.heading, DAYLIGHT_VALUES.fonts.heading), body: name(kit.fonts.body, DAYLIGHT_VALUES.fonts.body), code: name(kit.fonts.code, DAYLIGHT_VALUES.fonts.code) },
    titleSlide: kit.titleSlide,
    sectionSlide: kit.sectionSlide,
  }
}
