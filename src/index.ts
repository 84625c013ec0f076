// deckhand's public API: typed options in, data and located diagnostics out. Nothing here prints.
export { buildDeck, createBuildCache, type BuildCache, type BuildOptions, type BuiltDeck } from './build/build-deck.js'
export { findProject as loadProject, type Project, type DeckRef } from './project/find-project.js'
export { resolveDeckConfig } from './project/resolve-config.js'
export { parseChapter } from './content/parse-chapter.js'
export { buildSlides, type BuildSlidesInput, type BuiltSlides } from './slides/build-slides.js'
export { loadTemplates, type TemplateSet } from './render/load-templates.js'
export { checkTemplates } from './render/check-templates.js'
export { renderDeck } from './render/render-deck.js'
export { loadTheme } from './theme/load-theme.js'
export { exportPdfs, type ExportPdfsInput, type ExportProgress } from './pdf/export-pdfs.js'
export { pdfFileName } from './output/pdf-file-name.js'
export { exportOutputs, type ExportOutputsOptions, type ExportOutputsResult } from './export/export-outputs.js'
export { exportPptx } from './export/export-pptx.js'
export { exportNotes } from './export/export-notes.js'
export { exportHtmlSingle, type ExportHtmlSingleOptions } from './export/export-html-single.js'
export { exportFileNames, type ExportedFile } from './export/export-file-name.js'
export { findBrowser } from './pdf/find-browser.js'
export { serveDeck } from './serve/serve-deck.js'
export { checkDeck } from './check/check-deck.js'
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
  type SourceSpan,
  type StageResult,
} from './diagnostics/diagnostic.js'
export * from './model.js'
