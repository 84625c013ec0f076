// What the deck commands share: the project, the decks named (or all), and a build of each,
// with work to do after it (printing). Commands import this; it imports no command.
import path from 'node:path'
import { buildDeck, type BuildOptions } from '../pipeline/build-deck.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { relativePath, report, reportError, type CliIo } from './cli-io.js'
import { resolveTargets, type DeckTarget } from './deck-targets.js'

export { openProject } from './deck-targets.js'

export interface CommonOptions {
  readonly root?: string
  readonly out?: string
  readonly theme?: string
  readonly verbose?: boolean
}

/** The decks to work on; reports and returns nothing when one cannot be found. */
export async function openDecks(io: CliIo, options: CommonOptions, names: readonly string[]): Promise<DeckTarget[] | undefined> {
  try {
    return await resolveTargets(io, options, names)
  } catch (err) {
    reportError(io, err)
    return undefined
  }
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
  const targets = await openDecks(io, options, names)
  if (!targets) return
  for (const { project, deck: name } of targets) {
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
