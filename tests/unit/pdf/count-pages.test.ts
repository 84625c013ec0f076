import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { countPages } from '../../../src/pdf/count-pages.js'

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([200, 100])
  return doc.save({ useObjectStreams: false })
}

describe('countPages', () => {
  it('counts the page objects of a PDF', async () => {
    expect(countPages(await pdfOf(3))).toBe(3)
    expect(countPages(await pdfOf(1))).toBe(1)
  })

  it('counts a page written again by an incremental update once', async () => {
    const pdf = await pdfOf(4)
    const text = Buffer.from(pdf).toString('latin1')
    const ids = [...text.matchAll(/(\d+) 0 obj\s*<<\s*\/Type \/Page(?![a-zA-Z])/g)].map((m) => m[1])
    expect(ids).toHaveLength(4)
    // What appending bookmarks does: every page object written again after the original file.
    const update = ids.map((id) => `${id} 0 obj\n<<\n/Type /Page\n/Parent 1 0 R\n/Annots []\n>>\nendobj\n`).join('')
    expect(countPages(Buffer.concat([pdf, Buffer.from(`\n${update}`, 'latin1')]))).toBe(4)
  })
})
