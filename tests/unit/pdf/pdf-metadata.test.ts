import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { appendInfoUpdate, pdfString, setPdfMetadata } from '../../../src/pdf/pdf-metadata.js'

/** A PDF with a classic xref table and trailer, as Chromium writes them. */
async function classicPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle('Old title')
  doc.setProducer('Skia/PDF m156')
  for (let i = 0; i < pages; i++) doc.addPage([200, 100])
  return doc.save({ useObjectStreams: false })
}

const META = { title: 'Déjà vu: 深度学习', author: 'Ada (Example) \\ Team', subject: 'From research to production' }

describe('setPdfMetadata', () => {
  it('appends an incremental update that PDF readers read as the document information', async () => {
    const original = await classicPdf(3)
    const updated = await setPdfMetadata(original, META, new Date('2026-11-26T08:00:00Z'))
    // The original bytes are untouched: the update only appends.
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true)
    const tail = Buffer.from(updated.subarray(original.length)).toString('latin1')
    expect(tail).toMatch(/\/Prev \d+/)
    expect(tail).toMatch(/%%EOF\n$/)

    const doc = await PDFDocument.load(updated, { updateMetadata: false })
    expect(doc.getTitle()).toBe(META.title)
    expect(doc.getAuthor()).toBe(META.author)
    expect(doc.getSubject()).toBe(META.subject)
    expect(doc.getCreator()).toBe('deckhand')
    expect(doc.getProducer()).toBe('Skia/PDF m156')
    expect(doc.getPageCount()).toBe(3)
  })

  // Loading pdf.js takes seconds on a loaded 2-core machine.
  it('is read by pdf.js too (metadata and page count)', { timeout: 30_000 }, async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const updated = await setPdfMetadata(await classicPdf(2), META)
    const doc = await pdfjs.getDocument({ data: updated, verbosity: 0 }).promise
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> }
    expect(info.Title).toBe(META.title)
    expect(info.Author).toBe(META.author)
    expect(info.Subject).toBe(META.subject)
    expect(doc.numPages).toBe(2)
    await doc.destroy()
  })

  it('falls back to rewriting a PDF whose tail is not a classic trailer (xref streams)', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    const streamed = await doc.save({ useObjectStreams: true })
    expect(appendInfoUpdate(streamed, META, new Date())).toBeUndefined()
    const updated = await setPdfMetadata(streamed, META)
    expect((await PDFDocument.load(updated)).getAuthor()).toBe(META.author)
  })

  it('writes text strings as UTF-16BE hex with a byte-order mark', () => {
    expect(pdfString('A(')).toBe('<FEFF00410028>')
    expect(pdfString('深')).toBe('<FEFF6DF1>')
  })
})
