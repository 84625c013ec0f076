import type { Command } from 'commander'
import { EXPORT_FORMATS } from '../model.js'
import { relativePath, report, reportError, type CliIo } from './cli-io.js'
import { runBuild, type CommonOptions } from './run-decks.js'
import { DECKS_ARGUMENT, ROOT_OPTION, examples } from './help-text.js'

interface ExportOptions extends CommonOptions {
  readonly to?: string[]
  readonly downscale?: string | boolean
}

export function addExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(`build decks and write other formats next to them in dist/<deck>/ (${EXPORT_FORMATS.join(', ')})`)
    .argument('[decks...]', DECKS_ARGUMENT)
    .option('--to <formats...>', `formats, comma-separated (${EXPORT_FORMATS.join(', ')}); default: deck.yml's exports, or all`)
    .option('--downscale [density]', 'one-file HTML: shrink pictures larger than the slide at this pixel density (default 2)')
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
        io.err(`error  --downscale needs a positive number, not "${options.downscale}"`)
        io.failed = true
        return
      }
      await runBuild(io, names, { ...command.optsWithGlobals(), ...options }, {
        async run(io, built) {
          const started = performance.now()
          const result = await exportOutputs(built, { formats, ...(downscale && { downscale }) })
          report(io, result.diagnostics)
          const ms = Math.round(performance.now() - started)
          const list = result.value.files.map((f) => `${relativePath(io, f.file)} (${formatBytes(f.bytes)})`).join(', ')
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
