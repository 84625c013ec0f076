import type { Command } from 'commander'
import type { CliIo } from './cli-io.js'
import { addPdfOptions, checkPdfOptions, printing, type PdfOptions } from './pdf-command.js'
import { runBuild, type CommonOptions } from './run-decks.js'

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
