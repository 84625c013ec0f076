// I/O: the built deck -> `<deck>.pptx` beside index.html, an editable PowerPoint built from the
// slide data (see pptx/plan-slide for the layouts, pptx/write-pptx for the package). Diagrams
// and display formulas are photographed first (capture-figures), so the plan knows their sizes.
import path from 'node:path'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import type { ThemeBrand } from '../model.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import { DEFAULT_THEME_INPUT } from '../theme/default-kit.js'
import type { CaptureOptions } from './capture-slides.js'
import { exportFileNames, type ExportedFile } from './export-file-name.js'
import { hasFigures, planSlides } from './pptx/plan-slide.js'
import { writePptx } from './pptx/write-pptx.js'

export interface ExportPptxOptions extends Pick<CaptureOptions, 'browserPath' | 'browser' | 'timeoutMs' | 'onUnpack'> {
  /** @defaultValue `<outDir>/<deck>.pptx` */
  readonly file?: string
}

export async function exportPptx(built: BuiltDeck, options: ExportPptxOptions = {}): Promise<StageResult<ExportedFile>> {
  const brand = built.theme.brand ?? defaultBrand()
  // A deck without diagrams or display formulas starts no browser.
  const pictured = hasFigures(built.slides) ? await (await import('./capture-figures.js')).captureFigures(built, captureOptions(options)) : undefined
  const figures = pictured?.figures
  const plans = planSlides({ deck: built.config, slides: built.slides, chapters: built.chapters, brand, ...(figures && { figures }) })
  const { data, diagnostics } = await writePptx({ plans, slides: built.slides, deck: built.config, theme: built.theme, brand, outDir: built.outDir, ...(figures && { figures }) })
  const file = options.file ?? path.join(built.outDir, exportFileNames('pptx', built.name)[0]!)
  await writeFileAtomic(file, data)
  return { value: { file, bytes: data.length }, diagnostics: [...(pictured?.diagnostics ?? []), ...diagnostics] }
}

function captureOptions({ browserPath, browser, timeoutMs, onUnpack }: ExportPptxOptions): Omit<CaptureOptions, 'scale' | 'fragments'> {
  return { ...(browserPath && { browserPath }), ...(browser && { browser }), ...(timeoutMs && { timeoutMs }), ...(onUnpack && { onUnpack }) }
}

/** A theme made by hand without its kit data gets the default kit's colours and fonts. */
function defaultBrand(): ThemeBrand {
  const { colors, fonts } = DEFAULT_THEME_INPUT
  return {
    colors,
    fonts: { heading: fonts.heading, body: fonts.body, code: fonts.code },
    fontKinds: { heading: 'sans-serif', body: 'sans-serif', code: 'monospace' },
    titleSlide: { background: colors.heading, text: colors.background },
    sectionSlide: { background: colors.surface, text: colors.heading },
    logoHeight: 0,
  }
}
