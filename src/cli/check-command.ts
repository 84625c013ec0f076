import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Command } from 'commander'
import { formatTalkLength } from '../check/format-talk-length.js'
import { error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { buildDeck } from '../pipeline/build-deck.js'
import type { Project } from '../project/find-project.js'
import { openDecks, type CommonOptions } from './run-decks.js'
import { report, reportError, secondsOption, tellUnpacking, type CliIo } from './cli-io.js'
import { DECKS_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'

interface CheckFlags extends CommonOptions {
  readonly strict?: boolean
  readonly rate?: string
  readonly browser?: string
  readonly timeout?: string
}

export function addCheckCommand(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('build a deck and check it in a real browser: overflow, images, links, glyphs, talk length')
    .argument('[decks...]', DECKS_ARGUMENT)
    .option('--strict', 'treat warnings as errors')
    .option('--rate <wpm>', "speaking rate in words a minute (default: deck.yml's speakingRate, 130)")
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--browser <path>', 'Chrome, Chromium or Edge to measure with, or "embedded"')
    .option('--timeout <seconds>', 'limit for each browser step', '60')
    .option('--root <dir>', ROOT_OPTION)
    .addHelpText('after', examples([
      'deckhand check  # every deck (or the deck of this folder)',
      'deckhand check talk.md --strict  # warnings fail too',
      'deckhand check pytorch-story --rate 150',
    ]))
    .action(async (decks: string[], flags: CheckFlags, command: Command) => {
      await runCheck(io, decks, { ...command.optsWithGlobals(), ...flags })
    })
}

async function runCheck(io: CliIo, names: readonly string[], flags: CheckFlags): Promise<void> {
  const rate = flags.rate === undefined ? undefined : Number(flags.rate)
  if (rate !== undefined && !(rate > 0)) {
    report(io, [error('option-invalid', `--rate must be a positive number of words a minute, not ${flags.rate}`)])
    return
  }
  const targets = await openDecks(io, flags, names)
  if (!targets) return
  for (const { project, deck } of targets) {
    try {
      await checkOne(io, project, deck, { ...flags, ...(rate !== undefined && { rateWpm: rate }) })
    } catch (err) {
      reportError(io, err)
    }
  }
}

async function checkOne(io: CliIo, project: Project, deck: string, flags: CheckFlags & { rateWpm?: number }): Promise<void> {
  // A temporary output, so a check never replaces dist/ (which `serve` may be showing).
  const temp = await mkdtemp(path.join(os.tmpdir(), 'deckhand-check-'))
  try {
    const built = await buildDeck(project, deck, { outDir: temp, ...(flags.theme && { theme: flags.theme }) })
    // The browser measuring code loads only for check.
    const { checkDeck } = await import('../check/check-deck.js')
    const result = await checkDeck(built.value, {
      ...(flags.rateWpm !== undefined && { rate: flags.rateWpm }),
      ...(flags.browser && { browserPath: flags.browser }),
      timeoutMs: secondsOption(flags.timeout, 60),
      onUnpack: tellUnpacking(io),
    })
    io.out(`${deck}: ${built.value.slides.length} slides`)
    for (const line of formatTalkLength(result.length, built.value.config.duration)) io.out(`  ${line}`)
    const found = [...built.diagnostics, ...result.diagnostics]
    const diagnostics: Diagnostic[] = flags.strict ? found.map((d) => ({ ...d, severity: 'error' })) : found
    if (diagnostics.length) io.out('')
    report(io, diagnostics)
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    const warnings = diagnostics.length - errors
    io.out(`${deck}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${errors === 0 && warnings === 0 ? ': ready to present' : ''}`)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
