// I/O: what formulas and diagrams add to a build once the theme is loaded — KaTeX's stylesheet
// with just the fonts the formulas use, and the diagrams drawn (or taken from a cache) and put
// in place in every slide field and in the notes.
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import type { AssetRef, Slide, ThemeStyle } from '../model.js'
import { fillIslands } from '../slides/islands.js'
import { mapHtmlFields } from '../slides/extract-slide-data.js'
import type { BuiltSlides } from '../slides/build-slides.js'

export const MATH_CSS = 'math.css'

export interface RichOutput {
  readonly slides: readonly Slide[]
  readonly files: Readonly<Record<string, string>>
  readonly assets: readonly AssetRef[]
  /** Diagrams drawn in the browser by this build (the others came from a cache). */
  readonly drawnDiagrams: number
}

export interface FinishRichOptions {
  readonly theme: ThemeStyle
  /** Drawn diagrams by cache key, kept across one `serve` session's rebuilds. */
  readonly diagramMemory?: Map<string, string>
  readonly env?: Readonly<Record<string, string | undefined>>
}

export async function finishRichContent(built: BuiltSlides, options: FinishRichOptions): Promise<StageResult<RichOutput>> {
  const diagnostics: Diagnostic[] = []
  const files: Record<string, string> = {}
  const assets: AssetRef[] = []
  if (built.formulas.length > 0) {
    const [{ planMathStylesheet }, { katexFontsDir, readKatexCss }] = await Promise.all([import('../math/math-stylesheet.js'), import('../math/read-katex-css.js')])
    const sheet = planMathStylesheet(await readKatexCss(), katexFontsDir(), built.formulas)
    files[MATH_CSS] = sheet.css
    assets.push(...sheet.assets)
  }
  if (built.diagrams.length === 0) return { value: { slides: built.slides, files, assets, drawnDiagrams: 0 }, diagnostics }
  // Loaded only for a deck with diagrams: the browser code stays out of every other build.
  const { renderDiagrams } = await import('../diagrams/render-diagrams.js')
  const drawn = await renderDiagrams({
    requests: built.diagrams,
    theme: options.theme,
    ...(options.diagramMemory && { memory: options.diagramMemory }),
    ...(options.env && { env: options.env }),
  })
  diagnostics.push(...drawn.diagnostics)
  const fill = (html: string): string => fillIslands(html, drawn.value.svg)
  const slides = built.slides.map((slide) => ({
    ...slide,
    data: mapHtmlFields(slide.data, fill),
    notesHtml: fill(slide.notesHtml),
    print: { ...slide.print, handoutBlocks: slide.print.handoutBlocks.map(fill), outlineBody: fill(slide.print.outlineBody) },
  }))
  return { value: { slides, files, assets, drawnDiagrams: drawn.value.drawn }, diagnostics }
}
