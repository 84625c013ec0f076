// I/O: the project of a lone Markdown file (`deckhand build talk.md`, in any folder): the file is
// the deck, its folder the one root it may read, and the output goes beside it (`talk/`).
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error, type StageResult } from '../diagnostics/diagnostic.js'
import { decodeText } from '../content/read-text.js'
import type { DeckConfig } from '../model.js'
import { resolveFileDeckConfig } from './file-deck-config.js'
import { BUILTIN_TEMPLATES_DIR, BUILTIN_THEMES_DIR, type Project } from './find-project.js'
import type { DeckConfigOverrides } from './resolve-config.js'

/** True when `arg` names a Markdown file (a deck of its own) rather than a deck by name. */
export async function isMarkdownFile(cwd: string, arg: string): Promise<boolean> {
  if (!/\.(md|markdown)$/i.test(arg)) return false
  return (await stat(path.resolve(cwd, arg)).catch(() => undefined))?.isFile() ?? false
}

/** The project made of `file` alone; its deck is named after the file (`talk.md` -> `talk`). */
export function singleFileProject(file: string): Project {
  const absolute = path.resolve(file)
  const dir = path.dirname(absolute)
  return {
    root: dir,
    contentDir: dir,
    outDir: dir,
    templateDirs: [BUILTIN_TEMPLATES_DIR],
    themeDirs: [BUILTIN_THEMES_DIR],
    builtinTemplatesDir: BUILTIN_TEMPLATES_DIR,
    builtinThemesDir: BUILTIN_THEMES_DIR,
    decks: [{ name: path.basename(absolute, path.extname(absolute)), dir, file: absolute }],
  }
}

/** The deck config a lone file's front matter gives. */
export async function readFileDeckConfig(file: string, overrides: Partial<DeckConfigOverrides> = {}): Promise<StageResult<DeckConfig>> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (cause) {
    throw new DeckError(error('file-unreadable', `Could not read ${file}${cause instanceof Error ? `: ${cause.message}` : ''}`, { file, line: 1 }), { cause })
  }
  return resolveFileDeckConfig(decodeText(bytes, file), file, overrides)
}
