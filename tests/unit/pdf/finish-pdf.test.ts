import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { finishPdf } from '../../../src/pdf/finish-pdf.js'
import { BOOKMARK_URL } from '../../../src/print/bookmark-marker.js'

/**
 * A classic-xref PDF whose pages hold link annotations as Chromium writes them: `marks[i]` are
 * the bookmark indexes marked on page i (at a height of 700 - 10 * k); every page also keeps
 * one ordinary link. Its information dictionary is Chromium's.
 */
async function markedPdf(marks: readonly (readonly number[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setProducer('Skia/PDF m156')
  doc.setCreationDate(new Date('2026-11-26T07:00:00Z'))
  for (const indexes of marks) {
    const page = doc.addPage([600, 800])
    const link = (uri: string, top: number) =>
      doc.context.register(
        doc.context.obj({
          Type: 'Annot', Subtype: 'Link', Rect: [0, top - 4, 600, top],
          A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) },
        }),
      )
    const annots = indexes.map((index, k) => link(BOOKMARK_URL + index, 700 - 10 * k))
    annots.push(link('https://example.com/', 100))
    page.node.set(PDFName.of('Annots'), doc.context.obj(annots))
  }
  return doc.save({ useObjectStreams: false })
}

const META = { title: 'Déjà vu: 深度学习', author: 'Ada (Example) \\ Team', subject: 'From research to production' }

async function readBack(pdf: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // A copy: pdf.js takes over (detaches) the buffer it is given.
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 }).promise
  try {
    type Item = { title: string; dest: unknown[]; items: Item[] }
    const pageOf = async (dest: unknown[]) => (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1
    const walk = async (items: Item[] | null): Promise<unknown[]> =>
      Promise.all((items ?? []).map(async (i) => [i.title, await pageOf(i.dest), ...(i.items.length ? [await walk(i.items)] : [])]))
    const urls: string[][] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const annots = (await (await doc.getPage(n)).getAnnotations()) as { url?: string }[]
      urls.push(annots.map((a) => a.url ?? ''))
    }
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> }
    return { outline: await walk((await doc.getOutline()) as Item[] | null), urls, info, pages: doc.numPages }
  } finally {
    await doc.destroy()
  }
}

describe('finishPdf', () => {
  // Loading pdf.js takes seconds on a loaded 2-core machine.
  it('nests slides under chapters, points each at the page of its marker, removes the markers and sets the metadata', { timeout: 30_000 }, async () => {
    const printed = await markedPdf([[0, 1], [2], [], [3, 4]])
    const bookmarks = [
      { level: 1, title: 'Part one' },
      { level: 2, title: 'Why it matters' },
      { level: 2, title: 'Déjà vu: 深度学习' },
      { level: 1, title: 'Part two' },
      { level: 2, title: 'The end' },
    ]
    const { pdf, pages } = await finishPdf(printed, bookmarks, META, new Date('2026-11-26T08:00:00Z'))
    expect(pages).toBe(4)
    const back = await readBack(pdf)
    expect(back.pages).toBe(4)
    expect(back.outline).toEqual([
      ['Part one', 1, [['Why it matters', 1], ['Déjà vu: 深度学习', 2]]],
      ['Part two', 4, [['The end', 4]]],
    ])
    expect(back.urls).toEqual([['https://example.com/'], ['https://example.com/'], ['https://example.com/'], ['https://example.com/']])
    expect(back.info).toMatchObject({ Title: META.title, Author: META.author, Subject: META.subject, Creator: 'deckhand', Producer: 'Skia/PDF m156' })
    const doc = await PDFDocument.load(pdf, { updateMetadata: false })
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-26T07:00:00.000Z')
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-26T08:00:00.000Z')
  })

  it('leaves out a bookmark whose marker was not printed, and adds no outline without bookmarks', async () => {
    const printed = await markedPdf([[0], []])
    const { outline } = await readBack((await finishPdf(printed, [{ level: 1, title: 'Here' }, { level: 1, title: 'Never printed' }], META)).pdf)
    expect(outline).toEqual([['Here', 1]])
    const bare = await PDFDocument.load((await finishPdf(await markedPdf([[], []]), [], META)).pdf, { updateMetadata: false })
    expect(bare.catalog.get(PDFName.of('Outlines'))).toBeUndefined()
    expect(bare.getTitle()).toBe(META.title)
  })

  it('keeps no object that nothing refers to, and packs the dictionaries into compressed object streams', async () => {
    const marks = Array.from({ length: 60 }, (_, i) => [i])
    const printed = await markedPdf(marks)
    const bookmarks = marks.map((_, i) => ({ level: 1, title: `Slide ${i + 1}` }))
    const { pdf } = await finishPdf(printed, bookmarks, META)
    const text = Buffer.from(pdf).toString('latin1')
    // Page and annotation dictionaries are no longer plain text in the file.
    expect(text).toContain('/Type /ObjStm')
    expect(text).not.toContain('/Type /Page')
    const markers = async (bytes: Uint8Array) =>
      (await PDFDocument.load(bytes, { updateMetadata: false })).context
        .enumerateIndirectObjects()
        .filter(([, o]) => o instanceof PDFDict && String(o.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'))).includes(BOOKMARK_URL))
    expect(await markers(printed)).toHaveLength(60)
    expect(await markers(pdf)).toHaveLength(0)
    // 60 pages, 60 outline items and 60 links besides: packed, smaller than the page
    // dictionaries and marker links Chromium wrote.
    expect(pdf.length).toBeLessThan(printed.length * 0.6)
  })
})
