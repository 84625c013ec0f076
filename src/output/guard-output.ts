// I/O: what a build may replace. The output folder must stay clear of the sources and of the
// folders a wrong --out would destroy; a deck folder is replaced only when deckhand made it; and
// the temporary folders of a build that was killed are swept by the next one.
import { access, constants, readdir, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { Project } from '../project/find-project.js'
import { isSameOrInside } from '../project/path-inside.js'
import { realPathOf } from '../project/real-path.js'

/** Written into every deck output folder; only a folder holding it is ever replaced. */
export const OUTPUT_MARKER = '.deckhand-output'
export const OUTPUT_MARKER_TEXT = 'This folder was written by deckhand and is replaced by every build of its deck.\n'

/** Folders an output folder must neither be, hold nor lie in (sources), or be or hold (places). */
export interface ProtectedFolders {
  /** The content, template and theme folders, the project's and deckhand's own. */
  readonly sources: readonly string[]
  /** The project root; the home folder and `/` are always added. */
  readonly places: readonly string[]
}

export function protectedFolders(project: Project): ProtectedFolders {
  // A lone file's deck folder holds its output (`talk/` beside `talk.md`): it may hold it, never be it.
  const single = project.decks.length === 1 && project.decks[0]!.file ? project.decks[0]!.dir : undefined
  if (single) return { sources: [path.join(single, 'templates'), path.join(single, 'themes'), ...project.templateDirs, ...project.themeDirs], places: [single] }
  return { sources: [project.contentDir, ...project.templateDirs, ...project.themeDirs], places: [project.root] }
}

/** Throws `output-unsafe` when `outRoot` (the folder that receives `<deck>/`) would overlap what must be kept. */
export async function checkOutputRoot(outRoot: string, folders: ProtectedFolders): Promise<void> {
  const out = await realOrSelf(outRoot)
  const sources = await Promise.all(folders.sources.map(realOrSelf))
  const places = await Promise.all([...folders.places, os.homedir(), path.parse(out).root].map(realOrSelf))
  const clash =
    sources.find((s) => isSameOrInside(out, s) || isSameOrInside(s, out)) ?? places.find((p) => isSameOrInside(p, out))
  if (clash === undefined) return
  const what = out === clash ? 'is' : isSameOrInside(out, clash) ? 'lies inside' : 'contains'
  throw new DeckError(
    error('output-unsafe', `Refusing to write the build into ${outRoot}: it ${what} ${clash}, which a build must not replace`, undefined, 'Choose an output folder of its own, e.g. --out dist (the default).'),
  )
}

/** Throws `output-not-ours` when `target` exists but was not written by deckhand. */
export async function checkReplaceable(target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined)
  if (!info) return
  const marked = info.isDirectory() && (await stat(path.join(target, OUTPUT_MARKER)).catch(() => undefined))?.isFile()
  if (marked) return
  throw new DeckError(
    error('output-not-ours', `${target} already exists and was not made by deckhand, so it is left as it is`, undefined, `Move it away, or build into another folder with --out. deckhand replaces only folders holding its ${OUTPUT_MARKER} file.`),
  )
}

/**
 * Throws `output-write` when a folder inside `target` could not be removed (read-only), before
 * anything is moved: replacing it would install the new build and leave the old one behind.
 */
export async function checkRemovable(target: string): Promise<void> {
  const dirs = await listDirs(target).catch(() => [])
  for (const dir of [path.dirname(target), ...dirs]) {
    try {
      await access(dir, constants.W_OK | constants.X_OK)
    } catch (cause) {
      throw new DeckError(error('output-write', `Cannot replace ${target}: ${dir} is read-only, so the previous output is left as it was`, undefined, 'Make the output folder writable again, or build into another folder with --out.'), { cause })
    }
  }
}

/** A deck's working folders: `.<deck>.tmp-<pid>-<time>` while writing, `.<deck>.old-…` while swapping. */
export function workFolderName(deck: string, kind: 'tmp' | 'old', stamp: string): string {
  return `.${deck}.${kind}-${stamp}`
}

export function workStamp(): string {
  return `${process.pid}-${Date.now().toString(36)}`
}

/** Removes the working folders that builds of `deck` left in `parent` when they were killed. */
export async function sweepStale(parent: string, deck: string): Promise<void> {
  const prefix = `.${deck}.`
  const names = await readdir(parent).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const match = /^(?:tmp|old)-(\d+)-[0-9a-z]+$/.exec(name.slice(prefix.length))
    if (!match || isRunning(Number(match[1]))) continue
    await rm(path.join(parent, name), { recursive: true, force: true }).catch(() => undefined)
  }
}

function isRunning(pid: number): boolean {
  // Our own folders may belong to a build still running in this process.
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function listDirs(root: string): Promise<string[]> {
  const dirs = [root]
  for (let i = 0; i < dirs.length; i++) {
    for (const entry of await readdir(dirs[i]!, { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(path.join(dirs[i]!, entry.name))
    }
  }
  return dirs
}

async function realOrSelf(dir: string): Promise<string> {
  const real = await realPathOf(dir)
  return real.ok ? real.path : path.resolve(dir)
}
