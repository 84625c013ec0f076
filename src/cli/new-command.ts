import type { Command } from 'commander'
import { createDeck } from '../scaffold/create-deck.js'
import { openProject, type CommonOptions } from './run-decks.js'
import { relativePath, reportError, type CliIo } from './cli-io.js'
import { ROOT_OPTION, examples } from './help-text.js'

export function addNewCommand(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('create content/NAME/ with deck.yml and two starter chapters')
    .argument('<name>', 'deck name: the folder under content/ (letters, digits, - _ .)')
    .option('--title <title>', 'the deck title (default: from the name)')
    .option('--root <dir>', ROOT_OPTION)
    .addHelpText('after', examples(['deckhand new team-offsite --title "Team offsite"  # content/team-offsite/']))
    .action(async (name: string, flags: CommonOptions & { title?: string }, command: Command) => {
      try {
        const project = await openProject(io, { ...command.optsWithGlobals(), ...flags })
        const created = await createDeck(project, name, { ...(flags.title !== undefined && { title: flags.title }) })
        io.out(`created ${relativePath(io, created.dir)}/`)
        for (const file of created.files) io.out(`  ${relativePath(io, file)}`)
        io.out(`next: deckhand serve ${name}   (live preview)   or   deckhand build ${name}`)
      } catch (err) {
        reportError(io, err)
      }
    })
}
