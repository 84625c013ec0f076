import { describe, expect, it } from 'vitest'
import { PAGED_SCRIPT_PATH, previewProduct, printPreviewPage } from '../../../src/serve/print-preview.js'

describe('print previews', () => {
  it('names a product by its path, and nothing else', () => {
    expect(previewProduct('/print/notes')).toBe('notes')
    expect(previewProduct('/print/3-up/')).toBe('3-up')
    expect(previewProduct('/print/slides')).toBe('slides')
    expect(previewProduct('/print/theme.css')).toBeUndefined()
    expect(previewProduct('/print/fonts/a.woff2')).toBeUndefined()
    expect(previewProduct('/notes')).toBeUndefined()
  })

  it('adds the paging script at the end of <head>, after the document’s own styles', () => {
    const page = printPreviewPage('<!doctype html><html><head><style>@page { size: A4 }</style></head><body><p>x</p></body></html>')
    const script = page.indexOf(`<script src="${PAGED_SCRIPT_PATH}">`)
    expect(script).toBeGreaterThan(page.indexOf('@page { size: A4 }'))
    expect(script).toBeLessThan(page.indexOf('</head>'))
    expect(page).toContain('window.__deckhandPages = flow.total')
    expect(page).toContain('<p>x</p>')
  })
})
