// I/O: the exports one command asks for, each written atomically beside index.html in the
// built deck's folder. A failure names the slide and its Markdown line where there is one.
import { DeckError, DeckErrors, error, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { DEFAULT_EXPORT_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../model.js'
import { guardInterrupts } from '../browser/guard-interrupts.js'
import { removePendingTempFiles } from '../output/write-file-atomic.js'
import type { ExportedFile } from './export-file-name.js'
import type { CaptureOptions, CapturedPage } from './capture-slides.js'

export interface ExportOutputsOptions {
  /** @defaultValue deck.yml's `exports`, or every format */
  readonly formats?: readonly ExportFormat[]
  /** One-file HTML: downscale pictures to the slide at this pixel density. */
  readonly downscale?: number
  /** PNG and the picture PowerPoint: pixels per slide pixel, or a width in pixels (`width` wins). */
  readonly scale?: number
  readonly width?: number
  /** PNG: one picture per fragment step. */
  readonly fragments?: boolean
  /** PNG: also every slide on one picture. */
  readonly contactSheet?: boolean
  readonly browserPath?: string
  readonly timeoutMs?: number
  /** Told before the embedded browser is unpacked (once per version and user). */
  readonly onUnpack?: (into: string) => void
}

export interface ExportOutputsResult {
  readonly files: readonly (ExportedFile & { readonly format: ExportFormat })[]
  /** One-file HTML pictures made smaller. */
  readonly downscaled?: { readonly count: number; readonly saved: number }
}

/** Formats named in `values` (comma lists allowed); throws export-format-unknown for any other name. */
export function parseFormats(values: readonly string[]): ExportFormat[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)
  const unknown = names.find((n) => !EXPORT_FORMATS.includes(n as ExportFormat))
  if (unknown !== undefined) {
    const later = unknown === 'pdf' ? ' (PDFs are printed by `deckhand pdf`)' : ''
    throw new DeckError(error('export-format-unknown', `Unknown export format "${unknown}"${later}`, undefined, `Formats: ${EXPORT_FORMATS.join(', ')}`))
  }
  return [...new Set(names as ExportFormat[])]
}

export async function exportOutputs(built: BuiltDeck, options: ExportOutputsOptions = {}): Promise<StageResult<ExportOutputsResult>> {
  const chosen = options.formats?.length ? options.formats : built.config.exports?.length ? built.config.exports : DEFAULT_EXPORT_FORMATS
  const diagnostics: Diagnostic[] = []
  const files: (ExportedFile & { format: ExportFormat })[] = []
  let downscaled: ExportOutputsResult['downscaled']
  const formats = EXPORT_FORMATS.filter((f) => chosen.includes(f))
  // One browser for the whole run, started now so that it starts while the first formats are
  // written: the pictures (PNG, the picture PowerPoint) and the PowerPoint's figures use it.
  const shared = (await needsBrowser(built, formats)) ? (await import('./capture-slides.js')).startCaptureBrowser(captureOptions(built, options)) : undefined
  const pictures: CaptureOptions = { ...captureOptions(built, options), ...(shared && { browser: shared.browser }) }
  // PNG and the picture PowerPoint share one set of pictures, taken once.
  let captured: Promise<CapturedPage[]> | undefined
  const capture = (): Promise<CapturedPage[]> =>
    (captured ??= import('./capture-slides.js').then(async ({ captureSlides }) => {
      const r = await captureSlides(built, pictures)
      diagnostics.push(...r.diagnostics)
      return r.pages
    }))
  // Ctrl-C while a file is being written leaves no temp file behind.
  await guardInterrupts(removePendingTempFiles, async () => {
    for (const format of formats) {
      try {
        if (format === 'pptx') {
          const { exportPptx } = await import('./export-pptx.js')
          const { browserPath, browser, timeoutMs, onUnpack } = pictures
          const r = await exportPptx(built, { ...(browserPath && { browserPath }), ...(browser && { browser }), ...(timeoutMs && { timeoutMs }), ...(onUnpack && { onUnpack }) })
          diagnostics.push(...r.diagnostics)
          files.push({ ...r.value, format })
        } else if (format === 'notes') {
          const { exportNotes } = await import('./export-notes.js')
          const r = await exportNotes(built)
          files.push(...r.value.map((f) => ({ ...f, format })))
        } else if (format === 'png') {
          const { exportPng } = await import('./export-png.js')
          const r = await exportPng(built, await capture(), { ...(options.contactSheet && { contactSheet: true }) })
          files.push(...r.value.map((f) => ({ ...f, format })))
        } else if (format === 'pptx-images') {
          const { exportPptxImages } = await import('./export-pptx-images.js')
          const r = await exportPptxImages(built, await capture())
          files.push({ ...r.value, format })
        } else {
          const { exportHtmlSingle } = await import('./export-html-single.js')
          const r = await exportHtmlSingle(built, { ...(options.downscale && { downscale: options.downscale }) })
          diagnostics.push(...r.diagnostics)
          files.push({ file: r.value.file, bytes: r.value.bytes, format })
          downscaled = r.value.downscaled
        }
      } catch (cause) {
        if (cause instanceof DeckError || cause instanceof DeckErrors) throw cause
        const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause)
        throw new DeckError(error('export-failed', `Could not write the ${format} export of ${built.name}: ${reason}`, { file: built.config.file, line: 1 }), { cause })
      }
    }
  }).finally(() => shared?.close())
  // The pictures and the figures load the same page: what it could not load is told once.
  return { value: { files, ...(downscaled && { downscaled }) }, diagnostics: unique(diagnostics) }
}

/** Whether a browser is needed: for the pictures, or for the PowerPoint's diagrams and display formulas. */
async function needsBrowser(built: BuiltDeck, formats: readonly ExportFormat[]): Promise<boolean> {
  if (formats.includes('png') || formats.includes('pptx-images')) return true
  return formats.includes('pptx') && (await import('./pptx/plan-slide.js')).hasFigures(built.slides)
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...new Map(diagnostics.map((d) => [JSON.stringify(d), d])).values()]
}

/** The pictures' scale (a width is turned into one) and the browser to take them with. */
function captureOptions(built: BuiltDeck, options: ExportOutputsOptions): CaptureOptions {
  const scale = options.width ? options.width / built.theme.width : options.scale
  return {
    ...(scale && { scale }),
    ...(options.fragments && { fragments: true }),
    ...(options.browserPath && { browserPath: options.browserPath }),
    ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
    ...(options.onUnpack && { onUnpack: options.onUnpack }),
  }
}
