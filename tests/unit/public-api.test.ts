import { expect, it } from 'vitest'
import * as api from '../../src/index.js'

it('exports the public API it documents, and nothing by accident', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DIAGNOSTIC_CODES",
      "DeckError",
      "DeckErrors",
      "HANDOUT_LAYOUTS",
      "buildDeck",
      "buildSlides",
      "checkTemplates",
      "exportPdfs",
      "findBrowser",
      "formatDiagnostic",
      "loadProject",
      "loadTemplates",
      "loadTheme",
      "parseChapter",
      "pdfFileName",
      "renderDeck",
      "resolveDeckConfig",
    ]
  `)
})
