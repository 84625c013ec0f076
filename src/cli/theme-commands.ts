// CLI side of `deckhand theme new NAME [--extends BASE]` and `deckhand themes`: options in, text out.
import type { Command } from 'commander'
import { deckLookupDirs } from '../project/find-project.js'
import { createTheme } from '../theme/create-theme.js'
import { listThemes, type ThemeDir } from '../theme/list-themes.js'
import { openProject } from './run-decks.js'
import { relativePath, reportError, type CliIo } from './cli-io.js'
import { ROOT_OPTION, examples } from './help-text.js'

interface ThemeOptions {
  readonly root?: string
  readonly deck?: string
  readonly extends?: string
}

export function addThemeCommands(program: Command, io: CliIo): void {
  const theme = program.command('theme').description('work with themes (brand kits)')
  theme
    .command('new')
    .description('write themes/NAME/theme.yml: a starter brand kit with every option commented')
    .argument('<name>', 'theme name (becomes the folder name)')
    .option('--extends <base>', 'start from this theme and change only what differs')
    .option('--root <dir>', ROOT_OPTION)
    .addHelpText('after', examples(['deckhand theme new acme --extends daylight  # themes/acme/theme.yml']))
    .action((name: string, options: ThemeOptions, command: Command) => runThemeNew(io, name, { ...command.optsWithGlobals(), ...options }).catch((err) => reportError(io, err)))
  program
    .command('themes')
    .description('list the themes available and where each comes from')
    .option('--deck <name>', "include this deck's own themes/ folder")
    .option('--root <dir>', ROOT_OPTION)
    .addHelpText('after', examples(['deckhand themes --deck pytorch-story  # with that deck\'s own themes/']))
    .action((options: ThemeOptions, command: Command) => runThemes(io, { ...command.optsWithGlobals(), ...options }).catch((err) => reportError(io, err)))
}

async function runThemeNew(io: CliIo, name: string, options: ThemeOptions): Promise<void> {
  const project = await openProject(io, options)
  const themesDir = project.themeDirs[0]!
  const file = await createTheme(name, { themesDir, lookupDirs: project.themeDirs, ...(options.extends && { base: options.extends }) })
  io.out(`Wrote ${relativePath(io, file)}${options.extends ? ` (extends ${options.extends})` : ''}`)
  io.out(`Use it with \`theme: ${name}\` in deck.yml, or \`deckhand build --theme ${name}\`.`)
}

async function runThemes(io: CliIo, options: ThemeOptions): Promise<void> {
  const project = await openProject(io, options)
  const dirs: ThemeDir[] = []
  if (options.deck) {
    const deck = project.decks.find((d) => d.name === options.deck)
    if (deck) dirs.push({ dir: deckLookupDirs(project, deck.dir, 'themes')[0]!, origin: 'deck' })
    else io.out(`(no deck "${options.deck}" in ${relativePath(io, project.contentDir)}; showing project and built-in themes)`)
  }
  for (const dir of project.themeDirs) dirs.push({ dir, origin: dir === project.builtinThemesDir ? 'built-in' : 'project' })
  const themes = await listThemes(dirs)
  if (themes.length === 0) {
    io.out('No themes found. Create one with `deckhand theme new NAME`.')
    return
  }
  const rows = themes.map((t) => [t.name, t.origin, t.extends ? `extends ${t.extends}` : '', t.shadowed ? '(hidden by the one above)' : t.description])
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const row of rows) io.out(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd())
}
