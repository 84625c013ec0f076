// deckhand's public API: typed options in, data and located diagnostics out. Nothing here prints.
export { buildDeck, createBuildCache, type BuildCache, type BuildOptions } from './pipeline/build-deck.js'
export type { BuiltDeck } from './pipeline/built-deck.js'
export { findProject as loadProject, type Project, type DeckRef } from './project/find-project.js'
export { resolveDeckConfig } from './project/resolve-config.js'
export { parseChapter } from './content/parse-chapter.js'
export { buildSlides, type BuildSlidesInput, type BuiltSlides } from './slides/build-slides.js'
export { loadTemplates, type TemplateSet } from './render/load-templates.js'
export { checkTemplates } from './render/check-templates.js'
export { renderDeck } from './render/render-deck.js'
export { loadTheme } from './theme/load-theme.js'
export { exportPdfs, type ExportPdfsOptions, type ExportProgress } from './pdf/export-pdfs.js'
export type { PrintProduct } from './print/render-print-document.js'
export { pdfFileName } from './output/pdf-file-name.js'
export { findBrowser } from './browser/find-browser.js'
export { launchBrowser, type LaunchBrowserOptions } from './browser/launch-browser.js'
export type { BrowserHandle } from './browser/open-browser.js'
export { exportOutputs, type ExportOutputsOptions, type ExportOutputsResult } from './export/export-outputs.js'
export { exportPptx } from './export/export-pptx.js'
export { exportNotes } from './export/export-notes.js'
export { exportHtmlSingle, type ExportHtmlSingleOptions } from './export/export-html-single.js'
export { exportFileNames, type ExportedFile } from './export/export-file-name.js'
export { captureSlides, type CaptureOptions, type CapturedPage } from './export/capture-slides.js'
export { exportPng, type ExportPngOptions } from './export/export-png.js'
export { exportPptxImages } from './export/export-pptx-images.js'
export { serveDeck } from './serve/serve-deck.js'
export { checkDeck, type CheckDeckOptions, type CheckReport } from './check/check-deck.js'
export { createDeck } from './scaffold/create-deck.js'
export { createTheme } from './theme/create-theme.js'
export { listThemes } from './theme/list-themes.js'
export { formatDiagnostic } from './diagnostics/format.js'
export {
  DeckError,
  DeckErrors,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
  type Via,
  type SourceSpan,
  type StageResult,
} from './diagnostics/diagnostic.js'
export * from './model.js'
