// The command line: argv -> options -> library calls. The only place that prints or sets the exit code.
import { Command, CommanderError } from 'commander'
import createDebug from 'debug'
import { addBuildCommand } from './cli/build-command.js'
import { addCheckCommand } from './cli/check-command.js'
import { addExportCommand } from './cli/export-command.js'
import { createIo, reportError, type CliIo } from './cli/cli-io.js'
import { applyProjectOptions } from './cli/config-options.js'
import { diagnosticsOf } from './diagnostics/diagnostic.js'
import { addNewCommand } from './cli/new-command.js'
import { addPdfCommand } from './cli/pdf-command.js'
import { addServeCommand } from './cli/serve-command.js'
import { addThemeCommands } from './cli/theme-commands.js'
import { examples, packageVersion } from './cli/help-text.js'
import { onInterrupt, setInterruptReporter, whileDoing } from './browser/guard-interrupts.js'

export function createProgram(io: CliIo): Command {
  const program = new Command('deckhand')
    .description('Markdown chapters to a Reveal.js deck, PDF slides and handouts')
    .version(packageVersion(), '-v, --version', "print deckhand's version")
    .option('--verbose', 'show the lookup order and the causes of errors')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    // Every command's help lists the options that work everywhere too.
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', examples([
      'deckhand build talk.md  # a lone Markdown file, into talk/ beside it',
      'deckhand new my-talk && deckhand serve my-talk --open  # a deck in a project, live',
      'deckhand pdf  # every deck of the project: slides.pdf and handouts',
      'deckhand help pdf  # the options of one command',
    ]))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
  program.hook('preAction', async (_program, command) => {
    io.verbose = Boolean(command.optsWithGlobals().verbose)
    // Traces (lookup order, timings) use debug namespaces; --verbose turns ours on.
    if (io.verbose) createDebug.enable(process.env.DEBUG || 'deck:*')
    await applyProjectOptions(io, program, command)
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
  // An interrupt prints one line naming what it stopped (serve and pdf --watch handle their own,
  // and stop cleanly).
  const disarm: (() => void)[] = []
  program.hook('preAction', (_program, cmd) => {
    if (cmd.name() === 'serve' || cmd.opts().watch) return
    setInterruptReporter((line) => io.err(line))
    disarm.push(onInterrupt(() => undefined), whileDoing(`running deckhand ${cmd.name()}`), () => setInterruptReporter(undefined))
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode
    // A deckhand.yml that does not validate stops the command before it starts.
    if (!diagnosticsOf(err)) throw err
    reportError(io, err)
  } finally {
    for (const undo of disarm.splice(0)) undo()
  }
  return io.failed ? 1 : 0
}
