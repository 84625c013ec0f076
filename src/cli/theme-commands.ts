// CLI side of `deckhand theme new NAME [--extends BASE]` and `deckhand themes`: options in, text out.
import path from 'node:path'
import type { Command } from 'commander'
import { diagnosticsOf } from '../diagnostics/diagnostic.js'
import { formatDiagnostic } from '../diagnostics/format.js'
import { deckLookupDirs, findProject, type Project } from '../project/find-project.js'
import { createTheme } from '../theme/create-theme.js'
import { listThemes, type ThemeDir } from '../theme/list-themes.js'

/** What the commands need from the CLI; a full CliIo also carries err and failed. */
export interface ThemeCommandsIo {
  readonly out: (s: string) => void
  readonly cwd: string
  readonly err?: (s: string) => void
  failed?: boolean
}

interface ThemeOptions {
  readonly root?: string
  readonly deck?: string
  readonly extends?: string
}

export function addThemeCommands(program: Command, io: ThemeCommandsIo): void {
  const theme = program.command('theme').description('work with themes (brand kits)')
  theme
    .command('new')
    .description('write themes/NAME/theme.yml: a starter brand kit with every option commented')
    .argument('<name>', 'theme name (becomes the folder name)')
    .option('--extends <base>', 'start from this theme and change only what differs')
    .option('--root <dir>', 'project root (default: nearest folder with package.json)')
    .action((name: string, options: ThemeOptions, command: Command) => guard(io, () => runThemeNew(io, name, { ...command.optsWithGlobals(), ...options })))
  program
    .command('themes')
    .description('list the themes available and where each comes from')
    .option('--deck <name>', "include this deck's own themes/ folder")
    .option('--root <dir>', 'project root (default: nearest folder with package.json)')
    .action((options: ThemeOptions, command: Command) => guard(io, () => runThemes(io, { ...command.optsWithGlobals(), ...options })))
}

async function runThemeNew(io: ThemeCommandsIo, name: string, options: ThemeOptions): Promise<void> {
  const project = await openProject(io, options)
  const themesDir = project.themeDirs[0]!
  const file = await createTheme(name, { themesDir, lookupDirs: project.themeDirs, ...(options.extends && { base: options.extends }) })
  io.out(`Wrote ${relative(io, file)}${options.extends ? ` (extends ${options.extends})` : ''}`)
  io.out(`Use it with \`theme: ${name}\` in deck.yml, or \`deckhand build --theme ${name}\`.`)
}

async function runThemes(io: ThemeCommandsIo, options: ThemeOptions): Promise<void> {
  const project = await openProject(io, options)
  const dirs: ThemeDir[] = []
  if (options.deck) {
    const deck = project.decks.find((d) => d.name === options.deck)
    if (deck) dirs.push({ dir: deckLookupDirs(project, deck.dir, 'themes')[0]!, origin: 'deck' })
    else io.out(`(no deck "${options.deck}" in ${relative(io, project.contentDir)}; showing project and built-in themes)`)
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

async function openProject(io: ThemeCommandsIo, options: ThemeOptions): Promise<Project> {
  return findProject({ ...(options.root && { root: options.root }), cwd: io.cwd })
}

/** Our errors print as diagnostics when the CLI gives an error stream; anything else goes up. */
async function guard(io: ThemeCommandsIo, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (err) {
    const diagnostics = diagnosticsOf(err)
    if (!diagnostics || !io.err) throw err
    for (const d of diagnostics) io.err(formatDiagnostic(d, io.cwd))
    io.failed = true
  }
}

function relative(io: ThemeCommandsIo, file: string): string {
  const rel = path.relative(io.cwd, file)
  return rel && !rel.startsWith('..') ? rel : file
}
