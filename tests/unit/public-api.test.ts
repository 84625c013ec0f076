import { expect, it } from 'vitest'
import * as api from '../../src/index.js'

it('exports the public API it documents, and nothing by accident', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_EXPORT_FORMATS",
      "DIAGNOSTIC_CODES",
      "DeckError",
      "DeckErrors",
      "EXPORT_FORMATS",
      "HANDOUT_LAYOUTS",
      "buildDeck",
      "buildSlides",
      "captureSlides",
      "checkDeck",
      "checkTemplates",
      "createBuildCache",
      "createDeck",
      "createTheme",
      "exportFileNames",
      "exportHtmlSingle",
      "exportNotes",
      "exportOutputs",
      "exportPdfs",
      "exportPng",
      "exportPptx",
      "exportPptxImages",
      "findBrowser",
      "formatDiagnostic",
      "launchBrowser",
      "listThemes",
      "loadProject",
      "loadTemplates",
      "loadTheme",
      "parseChapter",
      "pdfFileName",
      "renderDeck",
      "resolveDeckConfig",
      "serveDeck",
    ]
  `)
})
