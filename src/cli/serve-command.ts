import type { Command } from 'commander'
import path from 'node:path'
import { isLoopbackHost } from '../serve/check-request-origin.js'
import { openUrl } from '../serve/open-url.js'
import type { BuildEvent, PrintEvent } from '../serve/serve-deck.js'
import { error } from '../diagnostics/diagnostic.js'
import type { CommonOptions } from './run-decks.js'
import { resolveTargets, type DeckTarget } from './deck-targets.js'
import { relativePath, report, reportError, type CliIo } from './cli-io.js'
import { DECK_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'
import { addPdfOptions, checkPdfOptions, livePrintOptions, type PdfOptions } from './pdf-command.js'

interface ServeFlags extends CommonOptions, PdfOptions {
  readonly port?: string
  readonly host?: string
  readonly open?: boolean
  /** Keep the PDFs up with every save. */
  readonly pdf?: boolean
  /** `pdf --watch`: print, serve nothing. @defaultValue true */
  readonly preview?: boolean
}

export function addServeCommand(program: Command, io: CliIo, waitForStop: (close: () => Promise<void>) => Promise<void> = untilInterrupted): void {
  const command = program
    .command('serve')
    .description('build a deck, serve it with live reload, and rebuild on every save')
    .argument('[deck]', DECK_ARGUMENT)
    .option('--port <n>', 'port (the next free one when busy; 0 = any)', '8000')
    .option('--host <host>', 'address to listen on (0.0.0.0 opens it to the network)', '127.0.0.1')
    .option('--open', 'open the deck in the default browser')
    .option('--out <dir>', 'folder that receives <deck>/ (default: dist, or beside a Markdown file)')
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--root <dir>', ROOT_OPTION)
    .option('--pdf', 'also keep the PDFs up with every save (a warm browser reprints only what a save touched)')
    .addHelpText('after', examples([
      'deckhand serve  # the deck of this folder, or the only one',
      'deckhand serve talk.md --open  # a lone Markdown file, opened in the browser',
      'deckhand serve pytorch-story --port 0  # any free port',
      'deckhand serve pytorch-story --pdf --handout notes  # PDFs and /print/notes kept up with every save',
    ]))
  addPdfOptions(command).action(async (deck: string | undefined, flags: ServeFlags, cmd: Command) => {
    if (checkPdfOptions(io, flags)) await runServe(io, deck, { ...cmd.optsWithGlobals(), ...flags }, waitForStop)
  })
}

/** The deck named (a name, a folder or a Markdown file), the one the current folder is in, or the project's only deck. */
export async function pickDeck(io: CliIo, options: CommonOptions, name: string | undefined): Promise<DeckTarget | undefined> {
  const targets = await resolveTargets(io, options, name ? [name] : [])
  if (targets.length === 1) return targets[0]
  report(io, [error('deck-not-found', 'Name the deck to serve', undefined, `decks here: ${targets.map((t) => t.deck).join(', ')}`)])
  return undefined
}

/** `serve`, and `pdf --watch` (the same loop with the PDFs and no preview server). */
export async function runServe(io: CliIo, name: string | undefined, flags: ServeFlags, waitForStop: (close: () => Promise<void>) => Promise<void> = untilInterrupted): Promise<void> {
  const port = Number(flags.port ?? 8000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    report(io, [error('option-invalid', `--port must be a number from 0 to 65535, not ${flags.port}`)])
    return
  }
  const host = flags.host ?? '127.0.0.1'
  try {
    const target = await pickDeck(io, flags, name)
    if (!target) return
    const { project, deck } = target
    // The preview (watcher, server, live print) loads only for serve, not with every command.
    const { serveDeck } = await import('../serve/serve-deck.js')
    const session = await serveDeck(project, deck, {
      host,
      port,
      ...(flags.out && { outDir: path.resolve(io.cwd, flags.out) }),
      ...(flags.theme && { theme: flags.theme }),
      onBuild: (event) => printBuild(io, event, keptOnFailure(flags.preview !== false, !!flags.pdf)),
      ...(flags.pdf && { pdf: livePrintOptions(io, flags), onPrint: (event: PrintEvent) => printPrint(io, event) }),
      preview: flags.preview !== false,
    })
    const { server } = session
    if (!server) io.out(`watching ${deck}: the PDFs in ${relativePath(io, session.outDir)} follow every save (Ctrl+C stops)`)
    else {
      if (server.busyPort) io.out(`port ${server.busyPort} is busy; using ${server.port}`)
      if (!isLoopbackHost(host)) io.err(`warning  listening on ${host}: anyone who can reach this machine can see the deck`)
      io.out(`serving ${deck} at ${server.url}/  (${relativePath(io, session.outDir)}; Ctrl+C stops)`)
      io.out(`print previews: ${session.products().map((p) => `${server.url}/print/${p}`).join('  ')}`)
      if (flags.open && !(await openUrl(`${server.url}/`))) io.err('warning  could not open a browser; open the address above')
    }
    await waitForStop(() => session.close())
  } catch (err) {
    reportError(io, err)
  }
}

/** What a failed rebuild leaves as it was: the preview page, the PDFs, or both. */
function keptOnFailure(preview: boolean, pdf: boolean): string {
  if (!preview) return 'the last good PDFs stay as they were'
  return `the page shows the error and keeps the last good deck${pdf ? ' and PDFs' : ''}`
}

function printBuild(io: CliIo, event: BuildEvent, kept: string): void {
  const ms = Math.round(event.ms)
  const what = event.changed.length ? event.changed.map((f) => path.basename(f)).join(', ') : 'deck'
  if (event.ok) {
    const { result, stats } = event.rebuilt
    report(io, result.diagnostics)
    io.failed = false // a preview keeps running: only the last build's state matters
    const slides = result.value.slides.length
    io.out(`built ${what} in ${ms} ms: ${slides} slide${slides === 1 ? '' : 's'}, ${stats.written} file${stats.written === 1 ? '' : 's'} written, ${stats.unchanged} unchanged`)
  } else {
    io.err(`build failed (${what}, ${ms} ms); ${kept}`)
    reportError(io, event.cause)
    io.failed = false
  }
}

function printPrint(io: CliIo, event: PrintEvent): void {
  if (!event.ok) {
    io.err('printing failed; the previous PDFs stay as they were')
    reportError(io, event.cause)
    io.failed = false
    return
  }
  const { printed, unchanged, files, diagnostics, ms } = event.print
  report(io, diagnostics)
  io.failed = false
  if (printed.length === 0 && unchanged.length === 0) return
  const kept = unchanged.length ? `; unchanged: ${unchanged.join(', ')}` : ''
  if (printed.length) io.out(`printed ${files.map((f) => relativePath(io, f)).join(', ') || 'nothing'} in ${Math.round(ms)} ms${kept}`)
  else io.out(`no PDF touched by this save${kept}`)
}

/** Runs until SIGINT/SIGTERM, then closes the server and the watcher. */
function untilInterrupted(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      void close().finally(resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
