import type { Command } from 'commander'
import { buildDeck, type BuildOptions } from '../build/build-deck.js'
import { findProject, type Project } from '../project/find-project.js'
import { relativePath, report, reportError, type CliIo } from './cli-io.js'
import { addPdfOptions, checkPdfOptions, printing, type PdfOptions } from './pdf-command.js'

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
  const decks = selectDecks(project, names)
  if (decks.length === 0) {
    io.err(`error  No decks in ${relativePath(io, project.contentDir)}\n    hint: create one with \`deckhand new NAME\``)
    io.failed = true
    return undefined
  }
  return { project, decks }
}

/** The decks named on the command line, or every deck of the project. */
export function selectDecks(project: Project, names: readonly string[]): string[] {
  return names.length ? [...names] : project.decks.map((d) => d.name)
}

export function buildOptions(options: CommonOptions): BuildOptions {
  return { ...(options.out && { outDir: options.out }), ...(options.theme && { theme: options.theme }) }
}

export function addBuildCommand(program: Command, io: CliIo): void {
  const command = program
    .command('build')
    .description('build decks into dist/<deck>/ (all decks, or the named ones)')
    .argument('[decks...]', 'deck names (folders under content/)')
    .option('--out <dir>', 'output folder (default: dist)')
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--root <dir>', 'project root (default: nearest folder with package.json)')
    .option('--pdf', 'also print slides.pdf and the handouts')
  addPdfOptions(command)
  command
    .action(async (names: string[], options: CommonOptions & PdfOptions & { pdf?: boolean }, command: Command) => {
      if (options.pdf && !checkPdfOptions(io, options)) return
      await runBuild(io, names, { ...command.optsWithGlobals(), ...options }, options.pdf ? printing : undefined)
    })
}

/** Work done with each built deck (printing); `prepare` starts before the build, to overlap it. */
export interface AfterBuild<P = unknown> {
  prepare?(io: CliIo, options: Record<string, unknown>): Promise<P>
  /** Undoes `prepare` when the build failed. */
  dispose?(prepared: P): Promise<void>
  run(io: CliIo, built: Awaited<ReturnType<typeof buildDeck>>['value'], options: Record<string, unknown>, prepared: P | undefined): Promise<void>
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
      const result = await buildDeck(project, name, buildOptions(options)).catch(async (err: unknown) => {
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
