// I/O: the folders a deck's build may read, and the check every path a deck, chapter or theme
// names goes through: its real path (symlinks and `..` resolved) must lie inside one of them.
import path from 'node:path'
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { Project } from './find-project.js'
import { rootHolding } from './path-inside.js'
import { realPathOf } from './real-path.js'

export interface ReadRoots {
  /** Real paths of the folders that may be read. */
  readonly dirs: readonly string[]
  /** The same folders as a person would name them, for messages. */
  readonly described: string
}

/** A real path inside the roots, or the diagnostic that says why the path may not be read. */
export type Confined = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly diagnostic: Diagnostic }

/** The deck's folder, the project's shared templates and themes folders, and deckhand's own. */
export async function deckReadRoots(project: Project, deckDir: string): Promise<ReadRoots> {
  const shared = [...project.templateDirs, ...project.themeDirs].filter((d) => d !== project.builtinTemplatesDir && d !== project.builtinThemesDir)
  const named = (dir: string): string => path.relative(project.root, dir) || '.'
  const described = `the deck folder ${named(deckDir)}, the project's ${shared.map(named).join(' and ')} folders and deckhand's built-in templates and themes`
  return readRoots([deckDir, ...shared, project.builtinTemplatesDir, project.builtinThemesDir], described)
}

export async function readRoots(dirs: readonly string[], described: string): Promise<ReadRoots> {
  const real = await Promise.all(dirs.map(async (dir) => {
    const resolved = await realPathOf(dir)
    return resolved.ok ? resolved.path : path.resolve(dir)
  }))
  return { dirs: [...new Set(real)], described }
}

/**
 * Resolves `file` (named at `span`, as `what`: "Image", "Chapter"…) and allows it only inside
 * the roots. A symlink loop is reported as such; a file that does not exist is allowed here, so
 * the caller can say "not found" in its own words.
 */
export async function confineRead(file: string, roots: ReadRoots, span: SourceSpan | undefined, what: string): Promise<Confined> {
  const real = await realPathOf(file)
  if (!real.ok && real.reason === 'loop') {
    return { ok: false, diagnostic: error('symlink-loop', `${what} ${file} is a symlink loop`, span, 'Point the symlink at a real file, or replace it with the file.') }
  }
  const resolved = real.ok ? real.path : path.resolve(file)
  if (rootHolding(resolved, roots.dirs)) return { ok: true, path: resolved }
  const where = resolved === path.resolve(file) ? '' : ` (it leads to ${resolved})`
  return {
    ok: false,
    diagnostic: error('path-outside-project', `${what} ${file} is outside the folders a deck may read${where}`, span, `Allowed: ${roots.described}. Copy the file into the deck folder.`),
  }
}
