import { describe, expect, it } from 'vitest'
import { contactSheetLayout, isPngExportFile, pngFileNames } from '../../../src/export/png/png-names.js'
import { parseFormats } from '../../../src/export/export-outputs.js'
import { isExportFile } from '../../../src/export/export-file-name.js'

describe('slide picture names', () => {
  it('pad the slide number to two digits, or more for longer decks, so that names sort', () => {
    expect(pngFileNames([{ slide: 1 }, { slide: 2 }])).toEqual(['slide-01.png', 'slide-02.png'])
    const long = pngFileNames(Array.from({ length: 120 }, (_, i) => ({ slide: i + 1 })))
    expect(long[0]).toBe('slide-001.png')
    expect([...long].sort()).toEqual(long)
  })

  it('name fragment steps after their slide, padded when a slide has ten or more', () => {
    expect(pngFileNames([{ slide: 3, step: 1 }, { slide: 3, step: 2 }, { slide: 4 }])).toEqual(['slide-03-1.png', 'slide-03-2.png', 'slide-04.png'])
    const many = pngFileNames(Array.from({ length: 12 }, (_, i) => ({ slide: 3, step: i + 1 })))
    expect(many[1]).toBe('slide-03-02.png')
    expect([...many].sort()).toEqual(many)
  })

  it('are known as export files, so a new build keeps them', () => {
    expect(isPngExportFile('slide-07.png')).toBe(true)
    expect(isPngExportFile('slide-07-2.png')).toBe(true)
    expect(isExportFile('contact-sheet.png', 'deck')).toBe(true)
    expect(isExportFile('deck-pictures.pptx', 'deck')).toBe(true)
    expect(isPngExportFile('photo.png')).toBe(false)
  })
})

describe('the contact sheet grid', () => {
  it('puts four slides across, keeps their shape, and leaves a gap around each', () => {
    const layout = contactSheetLayout(10, { width: 1280, height: 720 })
    expect([layout.columns, layout.rows]).toEqual([4, 3])
    expect(layout.cell).toEqual({ width: 480, height: 270 })
    expect(layout.width).toBe(16 + 4 * 496)
    expect(layout.height).toBe(16 + 3 * 286)
    expect(layout.places[5]).toEqual({ left: 16 + 496, top: 16 + 286 })
  })

  it('is as narrow as the slides when there are fewer than four', () => {
    expect(contactSheetLayout(2, { width: 1280, height: 720 }).columns).toBe(2)
  })
})

describe('export format names', () => {
  it('include png and pptx-images', () => {
    expect(parseFormats(['png,pptx-images', 'notes'])).toEqual(['png', 'pptx-images', 'notes'])
  })

  it('send PDFs to deckhand pdf', () => {
    expect(() => parseFormats(['pdf'])).toThrow(expect.objectContaining({ diagnostic: expect.objectContaining({ code: 'export-format-unknown' }) }))
  })
})
