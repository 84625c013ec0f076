import path from 'node:path'
import type { Command } from 'commander'
import { DEFAULT_EXPORT_FORMATS, EXPORT_FORMATS } from '../model.js'
import { error } from '../diagnostics/diagnostic.js'
import { relativePath, report, reportError, secondsOption, tellUnpacking, type CliIo } from './cli-io.js'
import { runBuild, type CommonOptions } from './run-decks.js'
import { DECKS_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'

interface ExportOptions extends CommonOptions {
  readonly to?: string[]
  readonly downscale?: string | boolean
  readonly scale?: string
  readonly width?: string
  readonly fragments?: boolean
  readonly contactSheet?: boolean
  readonly browser?: string
  readonly timeout?: string
}

export function addExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(`build decks and write other formats next to them in dist/<deck>/ (${EXPORT_FORMATS.join(', ')})`)
    .argument('[decks...]', DECKS_ARGUMENT)
    .option('--to <formats...>', `formats, comma-separated (${EXPORT_FORMATS.join(', ')}); default: deck.yml's exports, or ${DEFAULT_EXPORT_FORMATS.join(', ')}`)
    .option('--downscale [density]', 'one-file HTML: shrink pictures larger than the slide at this pixel density (default 2)')
    .option('--scale <factor>', 'png, pptx-images: pixels per slide pixel (default 1; 2 for sharp pictures)')
    .option('--width <pixels>', 'png, pptx-images: picture width in pixels (instead of --scale)')
    .option('--fragments', 'png: one picture per fragment step (slide-03-1.png, slide-03-2.png ...)')
    .option('--contact-sheet', 'png: also contact-sheet.png, every slide on one picture')
    .option('--browser <path>', 'png, pptx-images, and pptx diagrams and formulas: Chrome, Chromium or Edge to take the pictures with, or "embedded"')
    .option('--timeout <seconds>', 'png, pptx-images, pptx: limit for each browser step', '120')
    .option('--out <dir>', 'folder that receives <deck>/ (default: dist, or beside a Markdown file)')
    .option('--theme <name>', "use this theme instead of deck.yml's")
    .option('--root <dir>', ROOT_OPTION)
    .addHelpText('after', examples([
      'deckhand export  # deck.yml\'s exports (else all three) for every deck',
      'deckhand export pytorch-story --to pptx,notes',
      'deckhand export talk.md --to html-single --downscale  # one file to mail, pictures shrunk',
    ]))
    .action(async (names: string[], options: ExportOptions, command: Command) => {
      const { parseFormats, exportOutputs } = await import('../export/export-outputs.js')
      let formats
      try {
        formats = parseFormats(options.to ?? [])
      } catch (err) {
        reportError(io, err)
        return
      }
      const downscale = options.downscale === undefined || options.downscale === false ? undefined : options.downscale === true ? 2 : Number(options.downscale)
      if (downscale !== undefined && !(downscale > 0)) {
        report(io, [error('option-invalid', `--downscale needs a positive number, not "${options.downscale}"`)])
        return
      }
      const numbers = { scale: options.scale, width: options.width, timeout: options.timeout }
      const bad = Object.entries(numbers).find(([, v]) => v !== undefined && !(Number(v) > 0))
      if (bad) {
        report(io, [error('option-invalid', `--${bad[0]} needs a positive number, not "${bad[1]}"`)])
        return
      }
      const pictures = {
        ...(options.scale && { scale: Number(options.scale) }),
        ...(options.width && { width: Math.round(Number(options.width)) }),
        ...(options.fragments && { fragments: true }),
        ...(options.contactSheet && { contactSheet: true }),
        ...(options.browser && { browserPath: options.browser }),
        timeoutMs: secondsOption(options.timeout, 120),
        onUnpack: tellUnpacking(io),
      }
      await runBuild(io, names, { ...command.optsWithGlobals(), ...options }, {
        async run(io, built) {
          const started = performance.now()
          const result = await exportOutputs(built, { formats, ...pictures, ...(downscale && { downscale }) })
          report(io, result.diagnostics)
          const ms = Math.round(performance.now() - started)
          // The slide pictures are told as one entry: a 200-slide deck makes 200 of them.
          const pngs = result.value.files.filter((f) => f.format === 'png')
          const listed = result.value.files.filter((f) => f.format !== 'png').map((f) => `${relativePath(io, f.file)} (${formatBytes(f.bytes)})`)
          if (pngs.length) listed.push(`${pngs.length} PNG${pngs.length > 1 ? 's' : ''} in ${relativePath(io, path.dirname(pngs[0]!.file))} (${formatBytes(pngs.reduce((n, f) => n + f.bytes, 0))})`)
          const list = listed.join(', ')
          io.out(`exported ${built.name}: ${list} (${ms} ms)`)
          const shrunk = result.value.downscaled
          if (shrunk?.count) io.out(`  one-file HTML: ${shrunk.count} picture${shrunk.count > 1 ? 's' : ''} downscaled, ${formatBytes(shrunk.saved)} saved`)
        },
      })
    })
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`
}
