// The command line: argv -> options -> library calls. The only place that prints or sets the exit code.
import { Command, CommanderError } from 'commander'
import createDebug from 'debug'
import { addBuildCommand } from './cli/build-command.js'
import { addCheckCommand } from './cli/check-command.js'
import { addExportCommand } from './cli/export-command.js'
import { createIo, type CliIo } from './cli/cli-io.js'
import { addNewCommand } from './cli/new-command.js'
import { addPdfCommand } from './cli/pdf-command.js'
import { addServeCommand } from './cli/serve-command.js'
import { addThemeCommands } from './cli/theme-commands.js'
import { onInterrupt, setInterruptReporter, whileDoing } from './browser/guard-interrupts.js'

export function createProgram(io: CliIo): Command {
  const program = new Command('deckhand')
    .description('Markdown chapters to a Reveal.js deck, PDF slides and handouts')
    .option('--verbose', 'show the lookup order and the causes of errors')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  program.hook('preAction', (cmd) => {
    io.verbose = Boolean(cmd.optsWithGlobals().verbose)
    // Traces (lookup order, timings) use debug namespaces; --verbose turns ours on.
    if (io.verbose) createDebug.enable(process.env.DEBUG || 'deck:*')
  })
  addBuildCommand(program, io)
  addPdfCommand(program, io)
  addExportCommand(program, io)
  addServeCommand(program, io)
  addNewCommand(program, io)
  addCheckCommand(program, io)
  addThemeCommands(program, io)
  return program
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = createIo()): Promise<number> {
  const program = createProgram(io)
  // An interrupt prints one line naming what it stopped (serve handles its own, and stops cleanly).
  const disarm: (() => void)[] = []
  program.hook('preAction', (_program, cmd) => {
    if (cmd.name() === 'serve') return
    setInterruptReporter((line) => io.err(line))
    disarm.push(onInterrupt(() => undefined), whileDoing(`running deckhand ${cmd.name()}`), () => setInterruptReporter(undefined))
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode
    throw err
  } finally {
    for (const undo of disarm.splice(0)) undo()
  }
  return io.failed ? 1 : 0
}
