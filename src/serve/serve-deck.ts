// I/O orchestration of `deckhand serve`: build, serve the output folder, watch, rebuild, reload.
import path from 'node:path'
import type { BuildOptions } from '../pipeline/build-deck.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { diagnosticsOf, error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { formatDiagnostic } from '../diagnostics/format.js'
import { findDeck } from '../pipeline/build-deck.js'
import type { Project } from '../project/find-project.js'
import { startDeckBuilder } from './deck-builder-thread.js'
import type { Rebuilt } from './rebuild-deck.js'
import { startPreviewServer, type PreviewServer } from './start-preview-server.js'
import { watchDeck, type DeckWatcher } from './watch-deck.js'
import type { LivePrint, LivePrinter, LivePrintOptions } from '../pdf/live-print.js'
import type { PrintProduct } from '../print/render-print-document.js'
import { printRenderer } from '../pdf/print-renderer.js'
import { printPreviewPage } from './print-preview.js'
import { PRINT_MENU_TEMPLATE, renderPrintMenu } from './print-menu.js'
import { escapeHtml } from '../html/html-text.js'

export interface ServeDeckOptions extends BuildOptions {
  /** @defaultValue '127.0.0.1' */
  readonly host?: string
  /** @defaultValue 8000; 0 picks any free port */
  readonly port?: number
  /** @defaultValue 100 */
  readonly debounceMs?: number
  /** Told about every build, good or bad; the CLI prints these. */
  readonly onBuild?: (event: BuildEvent) => void
  /** Keeps the PDFs up with every good build, with a browser kept warm (`serve --pdf`, `pdf --watch`). */
  readonly pdf?: Omit<LivePrintOptions, 'outDir'>
  /** Told about every print that follows a build. */
  readonly onPrint?: (event: PrintEvent) => void
  /** Serve the preview; `pdf --watch` only prints. @defaultValue true */
  readonly preview?: boolean
}

export type PrintEvent = { readonly ok: true; readonly print: LivePrint } | { readonly ok: false; readonly cause: unknown }

export type BuildEvent =
  | { readonly ok: true; readonly ms: number; readonly changed: readonly string[]; readonly rebuilt: Rebuilt }
  | { readonly ok: false; readonly ms: number; readonly changed: readonly string[]; readonly diagnostics: readonly Diagnostic[]; readonly cause: unknown }

export interface ServeSession {
  /** The preview server; none when `preview` is false. */
  readonly server: PreviewServer | undefined
  /** The deck's output folder, which the server serves. */
  readonly outDir: string
  /** The last good build, if any. */
  readonly deck: () => BuiltDeck | undefined
  /** The print products the preview links to: those printed under --pdf, else slides and deck.yml's layouts. */
  readonly products: () => readonly PrintProduct[]
  close(): Promise<void>
}

/** Builds the deck, serves it with live reload and rebuilds on every change until closed. */
export async function serveDeck(project: Project, deckName: string, options: ServeDeckOptions = {}): Promise<ServeSession> {
  const ref = findDeck(project, deckName)
  const builder = startDeckBuilder(project, deckName, options)
  const outDir = path.join(path.resolve(options.outDir ?? project.outDir), ref.name)
  let last: BuiltDeck | undefined
  let server: PreviewServer | undefined
  let running: Promise<void> = Promise.resolve()
  let queued: Set<string> | 'all' | undefined
  let watcher: DeckWatcher | undefined
  // The error shown to pages that connect later (also before the server exists, on a failed first build).
  let problem: { lines: string[] } | null = null
  // Loaded only for `--pdf`: the browser code stays out of a plain preview.
  const printer: LivePrinter | undefined = options.pdf && (await import('../pdf/live-print.js')).startLivePrinter({ ...options.pdf, outDir })
  let previews = new Map<PrintProduct, string>()
  let menu: string | undefined
  const products = (): readonly PrintProduct[] => options.pdf?.products ?? ['slides', ...(last?.config.handouts.layouts ?? [])]

  async function rebuild(changed: readonly string[] | 'all'): Promise<void> {
    const started = performance.now()
    const list = changed === 'all' ? [] : changed
    try {
      const rebuilt = await builder.build(changed)
      last = rebuilt.result.value
      previews = new Map()
      menu = printMenu(last, products(), Boolean(options.pdf), project.root)
      options.onBuild?.({ ok: true, ms: performance.now() - started, changed: list, rebuilt })
      printer?.update(last).then(
        (print) => options.onPrint?.({ ok: true, print }),
        (cause: unknown) => options.onPrint?.({ ok: false, cause }),
      )
      problem = null
      server?.setState(null)
      server?.send('build-ok')
      server?.send('reload')
      watcher?.add(last.inputs)
    } catch (cause) {
      const diagnostics = diagnosticsOf(cause) ?? [error('internal', cause instanceof Error ? cause.message : String(cause))]
      options.onBuild?.({ ok: false, ms: performance.now() - started, changed: list, diagnostics, cause })
      problem = { lines: diagnostics.map((d) => formatDiagnostic(d, project.root)) }
      server?.setState('build-error', problem)
      server?.send('build-error', problem)
    }
  }

  /** Builds one at a time; changes that arrive during a build are merged into the next one. */
  function schedule(changed: readonly string[] | 'all'): void {
    if (queued === undefined) {
      queued = changed === 'all' ? 'all' : new Set(changed)
      running = running.then(() => {
        const batch = queued === 'all' ? 'all' : [...(queued ?? [])]
        queued = undefined
        return rebuild(batch)
      })
    } else if (queued !== 'all') {
      if (changed === 'all') queued = 'all'
      else changed.forEach((f) => (queued as Set<string>).add(f))
    }
  }

  /** A print product's preview page of the last good build, rendered once per build. */
  function printPage(product: PrintProduct): string | undefined {
    if (!last) return undefined
    let page = previews.get(product)
    if (page === undefined) {
      try {
        page = printPreviewPage(printRenderer(last, options.paper ?? last.config.handouts.paper, options.pdf?.fragments ?? false)(product))
      } catch (cause) {
        // A print template that does not render: the page says why, as the terminal does.
        page = `<!doctype html><meta charset="utf-8"><title>deckhand</title><pre>${failureText(cause, project.root)}</pre>`
      }
      previews.set(product, page)
    }
    return page
  }

  const stopPrinting = async (): Promise<void> => {
    await printer?.close()
  }
  await rebuild('all')
  if (options.preview !== false) {
    server = await startPreviewServer({ root: outDir, ...(options.host && { host: options.host }), port: options.port ?? 8000, printPage, deckMenu: () => menu }).catch(async (err: unknown) => {
      await builder.close()
      await stopPrinting()
      throw err
    })
    if (problem) server.setState('build-error', problem)
  }
  try {
    // A lone file's folder may hold anything (and its output): only the file and what it uses are watched.
    const dirs = [...(ref.file ? [ref.file, path.join(ref.dir, 'templates'), path.join(ref.dir, 'themes')] : [ref.dir]), ...project.templateDirs, ...project.themeDirs]
    watcher = await watchDeck({ paths: [...new Set(dirs)], ignore: [ref.file ? outDir : path.resolve(options.outDir ?? project.outDir)], ...(options.debounceMs !== undefined && { debounceMs: options.debounceMs }), onChange: schedule })
    if (last) watcher.add(last.inputs)
  } catch (err) {
    await server?.close()
    await builder.close()
    await stopPrinting()
    throw err
  }
  const started = server
  return {
    server: started,
    outDir,
    deck: () => last,
    products,
    async close() {
      await watcher?.close()
      await running
      await stopPrinting()
      await started?.close()
      await builder.close()
    },
  }
}

/** The deck's print menu from its templates (a project's own wins); a template that fails says why in its place. */
function printMenu(built: BuiltDeck, products: readonly PrintProduct[], printing: boolean, root: string): string | undefined {
  const template = built.templates.serve.get(PRINT_MENU_TEMPLATE)
  if (!template) return undefined
  try {
    return renderPrintMenu(template, products, printing)
  } catch (cause) {
    return `<pre class="deckhand-print-menu">${failureText(cause, root)}</pre>`
  }
}

/** A template that failed, as the terminal words it, escaped for a page. */
function failureText(cause: unknown, root: string): string {
  return (diagnosticsOf(cause) ?? [error('internal', String(cause))]).map((d) => escapeHtml(formatDiagnostic(d, root))).join('\n')
}
