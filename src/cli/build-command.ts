import type { Command } from 'commander'
import type { CliIo } from './cli-io.js'
import { addPdfOptions, checkPdfOptions, printing, type PdfOptions } from './pdf-command.js'
import { runBuild, type CommonOptions } from './run-decks.js'
import { DECKS_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'

export function addBuildCommand(program: Command, io: CliIo): void {
  const command = program
    .command('build')
    .description('build decks into dist/<deck>/ (all decks, or the named ones)')
    .argument('[decks...]', DECKS_ARGUMENT)
    .option('--out <dir>', 'folder that receives <deck>/ (default: dist, or beside a Markdown file)')
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--root <dir>', ROOT_OPTION)
    .option('--pdf', 'also print slides.pdf and the handouts')
  addPdfOptions(command)
  command.addHelpText('after', examples([
    'deckhand build  # every deck under content/ (or the deck of the current folder) into dist/',
    'deckhand build talk.md  # a lone Markdown file, into talk/ beside it',
    'deckhand build pytorch-story --pdf  # the deck, then its PDFs',
    'deckhand build . --out site  # the deck of this folder, into site/<deck>/',
  ]))
  command
    .action(async (names: string[], options: CommonOptions & PdfOptions & { pdf?: boolean }, command: Command) => {
      if (options.pdf && !checkPdfOptions(io, options)) return
      await runBuild(io, names, { ...command.optsWithGlobals(), ...options }, options.pdf ? printing : undefined)
    })
}
