// I/O: finds the project root, reads its optional deckhand.yml and lists the decks.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as z from 'zod'
import { DeckError, error, throwIfErrors } from '../diagnostics/diagnostic.js'
import { decodeText } from '../content/read-text.js'
import { parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml-mapping.js'
import { validateYamlMapping } from '../yaml/validate-yaml-mapping.js'

export interface DeckRef {
  /** Folder name under the content folder; what users type (`deckhand build <name>`). */
  readonly name: string
  readonly dir: string
  /** A deck that is one Markdown file (`deckhand build talk.md`): that file; its front matter is its deck.yml. */
  readonly file?: string
}

export interface Project {
  readonly root: string
  readonly contentDir: string
  /** @defaultValue `<root>/dist` */
  readonly outDir: string
  /** Where templates are looked up: the project's folder, then the built-in one. */
  readonly templateDirs: readonly string[]
  /** Where themes are looked up: the project's folder, then the built-in one. */
  readonly themeDirs: readonly string[]
  readonly builtinTemplatesDir: string
  readonly builtinThemesDir: string
  /** Every folder of the content folder with a deck.yml, by name. */
  readonly decks: readonly DeckRef[]
}

export const PROJECT_CONFIG_FILE = 'deckhand.yml'

/**
 * Sections of deckhand.yml holding a command's options; the command line validates and applies
 * them. `new`, `theme new` and `themes` take only what names the thing they make or show.
 */
export const COMMAND_SECTIONS = ['build', 'pdf', 'export', 'serve', 'check'] as const

/** deckhand.yml's folder keys. */
export const projectFolderShape = {
  /** @defaultValue 'content' */
  content: z.string().min(1).default('content'),
  /** @defaultValue 'templates' */
  templates: z.string().min(1).default('templates'),
  /** @defaultValue 'themes' */
  themes: z.string().min(1).default('themes'),
  /** @defaultValue 'dist' */
  out: z.string().min(1).default('dist'),
}

const projectConfigSchema = z
  .object({ ...projectFolderShape, ...Object.fromEntries(COMMAND_SECTIONS.map((name) => [name, z.unknown().optional()])) })
  .strict()

type ProjectConfig = z.output<typeof projectConfigSchema>

// Resolved from this module, so it works from src/project (tests) and lib/project (the package).
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url))
export const BUILTIN_THEMES_DIR = fileURLToPath(new URL('../../themes', import.meta.url))

/** Finds the project: `root`, or the nearest folder upward from `cwd` with a package.json. */
export async function findProject(options: { root?: string; cwd: string }): Promise<Project> {
  const root = options.root ? path.resolve(options.cwd, options.root) : await findRootUpward(path.resolve(options.cwd))
  if (options.root && !(await isDirectory(root))) {
    throw new DeckError(error('project-not-found', `The project folder ${root} does not exist`, undefined, 'check the --root option'))
  }
  const config = await readProjectConfig(root)
  const contentDir = path.resolve(root, config.content)
  return {
    root,
    contentDir,
    outDir: path.resolve(root, config.out),
    templateDirs: unique([path.resolve(root, config.templates), BUILTIN_TEMPLATES_DIR]),
    themeDirs: unique([path.resolve(root, config.themes), BUILTIN_THEMES_DIR]),
    builtinTemplatesDir: BUILTIN_TEMPLATES_DIR,
    builtinThemesDir: BUILTIN_THEMES_DIR,
    decks: await listDecks(contentDir),
  }
}

/** Lookup order for a deck's templates or themes: the deck's own folder, the project's, the built-in. */
export function deckLookupDirs(project: Project, deckDir: string, kind: 'templates' | 'themes'): string[] {
  const shared = kind === 'templates' ? project.templateDirs : project.themeDirs
  return unique([path.join(deckDir, kind), ...shared])
}

/** The folders of `contentDir` that hold a deck.yml, sorted by name; none when it does not exist. */
export async function listDecks(contentDir: string): Promise<DeckRef[]> {
  let entries
  try {
    entries = await readdir(contentDir, { withFileTypes: true })
  } catch {
    return []
  }
  const decks: DeckRef[] = []
  for (const entry of entries) {
    const dir = path.join(contentDir, entry.name)
    if (entry.isDirectory() && (await isFile(path.join(dir, 'deck.yml')))) decks.push({ name: entry.name, dir })
  }
  return decks.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The project root `findProject` would use, or undefined when there is none. */
export async function findProjectRoot(options: { root?: string; cwd: string }): Promise<string | undefined> {
  return options.root ? path.resolve(options.cwd, options.root) : nearestPackageFolder(path.resolve(options.cwd))
}

async function nearestPackageFolder(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) return undefined
  }
}

async function findRootUpward(start: string): Promise<string> {
  const found = await nearestPackageFolder(start)
  if (found) return found
  throw new DeckError(
    error('project-not-found', `No package.json found in ${start} or any folder above it`, undefined, 'run deckhand inside your project, or pass --root <folder>'),
  )
}

/** deckhand.yml of `root`, parsed and located; undefined when there is none or it is empty. */
export async function readProjectConfigMapping(root: string): Promise<YamlMapping | undefined> {
  const file = path.join(root, PROJECT_CONFIG_FILE)
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DeckError(error('file-unreadable', `Could not read ${PROJECT_CONFIG_FILE}`, { file, line: 1 }), { cause })
  }
  const mapping = parseYamlMapping(decodeText(bytes, file), file)
  // An empty deckhand.yml (all comments) simply keeps every default.
  return mapping.kind === 'empty' ? undefined : mapping
}

async function readProjectConfig(root: string): Promise<ProjectConfig> {
  const mapping = await readProjectConfigMapping(root)
  if (!mapping) return projectConfigSchema.parse({})
  const result = validateYamlMapping(mapping, projectConfigSchema, PROJECT_CONFIG_FILE)
  throwIfErrors(result.diagnostics)
  return result.value ?? projectConfigSchema.parse({})
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false
}

function unique(dirs: readonly string[]): string[] {
  return [...new Set(dirs)]
}
