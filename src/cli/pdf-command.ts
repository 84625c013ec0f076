import { Option, type Command } from 'commander'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import type { StartedBrowser } from '../browser/launch-browser.js'
import type { LivePrintOptions } from '../pdf/live-print.js'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { HANDOUT_LAYOUTS, type HandoutLayout, type Paper } from '../model.js'
import { report, reportError, secondsOption, tellUnpacking, type CliIo } from './cli-io.js'
import { runBuild, type AfterBuild, type CommonOptions } from './run-decks.js'
import { printProgress } from './print-progress.js'
import { DECKS_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'

export interface PdfOptions {
  readonly handout?: string[]
  readonly paper?: Paper
  readonly fragments?: boolean
  readonly browser?: string
  readonly timeout?: string
  readonly allowNetwork?: boolean
  readonly tagged?: boolean
  readonly slides?: boolean
  readonly watch?: boolean
}

/** Options shared by `pdf` and `build --pdf`. */
export function addPdfOptions(command: Command): Command {
  return command
    .option('--handout <layouts...>', `handout layouts to print (${HANDOUT_LAYOUTS.join(', ')}, or none); default: deck.yml's`)
    .addOption(new Option('--paper <size>', "paper for handouts (default: deck.yml's)").choices(['A4', 'Letter']))
    .option('--fragments', 'slides.pdf: one page per fragment step')
    .option('--no-slides', 'print only the handouts')
    .option('--browser <path>', 'Chrome, Chromium or Edge to print with, or "embedded" for the one deckhand brings')
    .option('--timeout <seconds>', 'limit for each browser step', '120')
    .option('--allow-network', 'let printed pages fetch from outside the output folder')
    .option('--tagged', 'tagged PDFs, with structure for screen readers (slower to print)')
}

export function addPdfCommand(program: Command, io: CliIo): void {
  addPdfOptions(
    program
      .command('pdf')
      .description('build decks and print slides.pdf and handout-<layout>.pdf next to them')
      .argument('[decks...]', DECKS_ARGUMENT)
      .option('--out <dir>', 'folder that receives <deck>/ (default: dist, or beside a Markdown file)')
      .option('--theme <name>', "use this theme instead of deck.yml's")
      .option('--root <dir>', ROOT_OPTION)
      .option('--watch', 'keep printing: reprint the PDFs a save touched, until Ctrl+C'),
  )
    .addHelpText('after', examples([
      'deckhand pdf  # slides.pdf and deck.yml\'s handouts, for every deck',
      'deckhand pdf talk.md --handout 3-up  # a lone Markdown file: talk/slides.pdf and talk/handout-3-up.pdf',
      'deckhand pdf pytorch-story --handout notes outline --paper Letter',
      'deckhand pdf --handout none --fragments  # slides.pdf only, a page per fragment step',
      'deckhand pdf pytorch-story --watch  # reprint on every save',
    ]))
    .action(async (names: string[], options: CommonOptions & PdfOptions, command: Command) => {
      if (!checkPdfOptions(io, options)) return
      const all = { ...command.optsWithGlobals(), ...options }
      if (!options.watch) return runBuild(io, names, all, printing)
      if (names.length > 1) return report(io, [error('option-invalid', '--watch prints one deck; name only one')])
      const { runServe } = await import('./serve-command.js')
      await runServe(io, names[0], { ...all, pdf: true, preview: false })
    })
}

/** What `serve --pdf` and `pdf --watch` print on every save, from the pdf options. */
export function livePrintOptions(io: CliIo, options: PdfOptions): Omit<LivePrintOptions, 'outDir'> {
  const layouts = parseLayouts(options.handout)
  return {
    ...(layouts && { products: [...(options.slides === false ? [] : (['slides'] as const)), ...layouts] }),
    ...(options.slides === false && { slides: false }),
    ...(options.paper && { paper: options.paper }),
    fragments: Boolean(options.fragments),
    ...(options.browser && { browserPath: options.browser }),
    timeoutMs: timeoutOf(options),
    allowNetwork: Boolean(options.allowNetwork),
    tagged: Boolean(options.tagged),
    onUnpack: tellUnpacking(io),
  }
}

/** Rejects bad print options before anything is built. */
export function checkPdfOptions(io: CliIo, options: PdfOptions): boolean {
  try {
    parseLayouts(options.handout)
    return true
  } catch (err) {
    reportError(io, err)
    return false
  }
}

function parseLayouts(values: readonly string[] | undefined): HandoutLayout[] | undefined {
  if (!values) return undefined
  // `--handout none` prints slides.pdf alone.
  const layouts = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v && v !== 'none')
  const unknown = layouts.filter((l) => !HANDOUT_LAYOUTS.includes(l as HandoutLayout))
  if (unknown.length) {
    throw new DeckError(error('handout-layout-unknown', `Unknown handout layout "${unknown[0]}"`, undefined, `Layouts: ${HANDOUT_LAYOUTS.join(', ')}`))
  }
  return layouts as HandoutLayout[]
}

/** A browser started before the deck builds: Chromium's start overlaps the build. */
export const printing: AfterBuild<StartedBrowser> = {
  async prepare(io, options) {
    const opts = options as PdfOptions
    const { startBrowser } = await import('../browser/launch-browser.js')
    // Ctrl-C during the build must not leave this Chromium behind, even one still starting.
    return startBrowser({ ...(opts.browser && { browserPath: opts.browser }), timeoutMs: timeoutOf(opts), onUnpack: tellUnpacking(io) })
  },
  dispose: (early) => early.close(),
  run: (io, built, options, early) => printDeck(io, built, options, early),
}

function timeoutOf(opts: PdfOptions): number {
  return secondsOption(opts.timeout, 120)
}

/** Prints one built deck's PDFs, with a progress line on a terminal. */
export async function printDeck(io: CliIo, built: BuiltDeck, options: Record<string, unknown>, early?: StartedBrowser): Promise<void> {
  const opts = options as PdfOptions
  const layouts = parseLayouts(opts.handout) ?? built.config.handouts.layouts
  const products = [...(opts.slides === false ? [] : (['slides'] as const)), ...layouts]
  const { exportPdfs } = await import('../pdf/export-pdfs.js')
  const started = performance.now()
  const progress = printProgress(io, built.name)
  try {
    const result = await exportPdfs(built, {
      onUnpack: tellUnpacking(io),
      products,
      ...(opts.paper && { paper: opts.paper }),
      fragments: Boolean(opts.fragments),
      ...(opts.browser && { browserPath: opts.browser }),
      timeoutMs: timeoutOf(opts),
      ...(early && { browser: early.browser }),
      allowNetwork: Boolean(opts.allowNetwork),
      tagged: Boolean(opts.tagged),
      onProgress: progress.onProgress,
    })
    progress.end()
    report(io, result.diagnostics)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const count = result.value.files.length
    if (count) io.out(`printed ${built.name}: ${count} PDF${count === 1 ? '' : 's'} in ${seconds} s`)
  } finally {
    // exportPdfs has closed it; this disarms its interrupt guard.
    await early?.close()
    progress.end()
  }
}
