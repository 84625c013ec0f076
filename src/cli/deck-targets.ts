// What a deck command's arguments name: Markdown files (each a deck of its own, in any folder),
// deck folders (`.`, `content/talk`) or deck names; with none, the deck the current folder is in,
// else every deck of the project.
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { findProject, type Project } from '../project/find-project.js'
import { isSameOrInside } from '../project/path-inside.js'
import { isMarkdownFile, singleFileProject } from '../project/single-file-project.js'
import { suggestKey } from '../yaml/validate-yaml-mapping.js'
import { relativePath, type CliIo } from './cli-io.js'

export interface DeckTarget {
  readonly project: Project
  readonly deck: string
}

export interface ProjectOptions {
  readonly root?: string
}

export async function openProject(io: CliIo, options: ProjectOptions): Promise<Project> {
  try {
    return await findProject({ ...(options.root && { root: options.root }), cwd: io.cwd })
  } catch (err) {
    // Outside a project a lone Markdown file still builds: say so where people look first.
    if (err instanceof DeckError && err.diagnostic.code === 'project-not-found' && !options.root) {
      throw new DeckError({ ...err.diagnostic, hint: 'run deckhand inside your project, pass --root <folder>, or name a Markdown file: deckhand build talk.md' }, { cause: err })
    }
    throw err
  }
}

/** The decks to work on, in the order named; throws DeckError(s) when one cannot be found. */
export async function resolveTargets(io: CliIo, options: ProjectOptions, names: readonly string[]): Promise<DeckTarget[]> {
  let project: Project | undefined
  const theProject = async (): Promise<Project> => (project ??= await openProject(io, options))
  if (names.length === 0) {
    const opened = await theProject()
    const here = await deckHolding(opened, io.cwd)
    const decks = here ? [here] : opened.decks.map((d) => d.name)
    if (decks.length === 0) throw new DeckError(noDecks(io, opened))
    return decks.map((deck) => ({ project: opened, deck }))
  }
  const targets: DeckTarget[] = []
  for (const name of names) {
    if (await isMarkdownFile(io.cwd, name)) {
      const single = singleFileProject(path.resolve(io.cwd, name))
      targets.push({ project: single, deck: single.decks[0]!.name })
    } else {
      const opened = await theProject()
      targets.push({ project: opened, deck: await deckNamed(io, opened, name) })
    }
  }
  return targets
}

export function noDecks(io: CliIo, project: Project): Diagnostic {
  return error('deck-not-found', `No decks in ${relativePath(io, project.contentDir)}`, undefined, 'create one with `deckhand new NAME`, or name a Markdown file: deckhand build talk.md')
}

/** A deck by name, or by a path to its folder (`.` inside it); a near miss gets "did you mean". */
async function deckNamed(io: CliIo, project: Project, name: string): Promise<string> {
  if (project.decks.some((d) => d.name === name)) return name
  if (looksLikePath(name)) {
    const held = await deckHolding(project, path.resolve(io.cwd, name))
    if (held) return held
  }
  const known = project.decks.map((d) => d.name)
  const guess = suggestKey(name, known)
  const where = relativePath(io, project.contentDir)
  throw new DeckError(
    error(
      'deck-not-found',
      `No deck "${name}" in ${where}${guess ? `; did you mean "${guess}"?` : ''}`,
      undefined,
      known.length ? `Decks here: ${known.join(', ')}` : 'create one with `deckhand new NAME`, or name a Markdown file: deckhand build talk.md',
    ),
  )
}

function looksLikePath(name: string): boolean {
  return name === '.' || name === '..' || name.includes('/') || name.includes(path.sep)
}

/** The deck whose folder is `dir` or holds it. */
async function deckHolding(project: Project, dir: string): Promise<string | undefined> {
  const real = await realpath(dir).catch(() => path.resolve(dir))
  for (const deck of project.decks) {
    const deckDir = await realpath(deck.dir).catch(() => deck.dir)
    if (isSameOrInside(real, deckDir)) return deck.name
  }
  return undefined
}
