import type { Command } from 'commander'
import { checkDeck } from '../check/check-deck.js'
import { formatTalkLength } from '../check/format-talk-length.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { openProject, type CommonOptions } from './build-command.js'
import { report, reportError, type CliIo } from './cli-io.js'
import { pickDeck } from './serve-command.js'

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
    .argument('[deck]', 'deck name (default: the only deck)')
    .option('--strict', 'treat warnings as errors')
    .option('--rate <wpm>', "speaking rate in words a minute (default: deck.yml's speakingRate, 130)")
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--browser <path>', 'Chrome or Chromium to measure with')
    .option('--timeout <ms>', 'browser timeout', '60000')
    .option('--root <dir>', 'project root (default: nearest folder with package.json)')
    .action(async (deck: string | undefined, flags: CheckFlags, command: Command) => {
      await runCheck(io, deck, { ...command.optsWithGlobals(), ...flags })
    })
}

async function runCheck(io: CliIo, name: string | undefined, flags: CheckFlags): Promise<void> {
  const rate = flags.rate === undefined ? undefined : Number(flags.rate)
  if (rate !== undefined && !(rate > 0)) {
    io.err(`error  --rate must be a positive number of words a minute, not ${flags.rate}`)
    io.failed = true
    return
  }
  try {
    const project = await openProject(io, flags)
    const deck = pickDeck(io, project, name)
    if (!deck) return
    const result = await checkDeck(project, deck, {
      ...(rate !== undefined && { rate }),
      ...(flags.theme && { theme: flags.theme }),
      ...(flags.browser && { browserPath: flags.browser }),
      ...(flags.timeout && { timeoutMs: Number(flags.timeout) }),
    })
    io.out(`${deck}: ${result.deck.slides.length} slides`)
    for (const line of formatTalkLength(result.length, result.deck.config.duration)) io.out(`  ${line}`)
    const diagnostics: Diagnostic[] = flags.strict ? result.diagnostics.map((d) => ({ ...d, severity: 'error' })) : [...result.diagnostics]
    if (diagnostics.length) io.out('')
    report(io, diagnostics)
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    const warnings = diagnostics.length - errors
    io.out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${errors === 0 && warnings === 0 ? ': ready to present' : ''}`)
  } catch (err) {
    reportError(io, err)
  }
}
