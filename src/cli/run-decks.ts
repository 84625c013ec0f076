// What the deck commands share: the project, the decks named (or all), and a build of each,
// with work to do after it (printing). Commands import this; it imports no command.
import path from 'node:path'
import { buildDeck, type BuildOptions } from '../pipeline/build-deck.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { error } from '../diagnostics/diagnostic.js'
import { findProject, type Project } from '../project/find-project.js'
import { relativePath, report, reportError, type CliIo } from './cli-io.js'

export interface CommonOptions {
  readonly root?: string
  readonly out?: string
  readonly theme?: string
  readonly verbose?: boolean
}

export async function openProject(io: CliIo, options: CommonOptions): Promise<Project> {
  return findProject({ ...(options.root && { root: options.root }), cwd: io.cwd })
}

/** The project and the decks to work on; reports and returns nothing when there are none. */
export async function openDecks(io: CliIo, options: CommonOptions, names: readonly string[]): Promise<{ project: Project; decks: string[] } | undefined> {
  let project: Project
  try {
    project = await openProject(io, options)
  } catch (err) {
    reportError(io, err)
    return undefined
  }
  const decks = names.length ? [...names] : project.decks.map((d) => d.name)
  if (decks.length === 0) {
    report(io, [noDecks(io, project)])
    return undefined
  }
  return { project, decks }
}

export function noDecks(io: CliIo, project: Project): ReturnType<typeof error> {
  return error('deck-not-found', `No decks in ${relativePath(io, project.contentDir)}`, undefined, 'create one with `deckhand new NAME`')
}

/** `--out` is relative to the current folder of the command, like every path typed on it. */
export function buildOptions(io: CliIo, options: CommonOptions): BuildOptions {
  return { ...(options.out && { outDir: path.resolve(io.cwd, options.out) }), ...(options.theme && { theme: options.theme }) }
}

/** Work done with each built deck (printing); `prepare` starts before the build, to overlap it. */
export interface AfterBuild<P = unknown> {
  prepare?(io: CliIo, options: Record<string, unknown>): Promise<P>
  /** Undoes `prepare` when the build failed. */
  dispose?(prepared: P): Promise<void>
  run(io: CliIo, built: BuiltDeck, options: Record<string, unknown>, prepared: P | undefined): Promise<void>
}

export async function runBuild(io: CliIo, names: readonly string[], options: CommonOptions & Record<string, unknown>, afterBuild?: AfterBuild): Promise<void> {
  const opened = await openDecks(io, options, names)
  if (!opened) return
  const { project, decks } = opened
  for (const name of decks) {
    let prepared: unknown
    try {
      const started = performance.now()
      prepared = await afterBuild?.prepare?.(io, options)
      const result = await buildDeck(project, name, buildOptions(io, options)).catch(async (err: unknown) => {
        if (prepared !== undefined) await afterBuild?.dispose?.(prepared)
        throw err
      })
      report(io, result.diagnostics)
      const ms = Math.round(performance.now() - started)
      io.out(`built ${name}: ${result.value.slides.length} slides -> ${relativePath(io, result.value.outDir)}/index.html (${ms} ms)`)
      if (afterBuild) await afterBuild.run(io, result.value, options, prepared)
    } catch (err) {
      reportError(io, err)
    }
  }
}
