import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { appendUpdate, readTrailer } from '../../../src/pdf/incremental-update.js'
import { setPdfMetadata } from '../../../src/pdf/pdf-metadata.js'
import { addOutline } from '../../../src/pdf/pdf-outline.js'
import { BOOKMARK_URL } from '../../../src/print/bookmark-marker.js'

/**
 * A classic-xref PDF whose pages hold link annotations as Chromium writes them: `marks[i]` are
 * the bookmark indexes marked on page i (at a height of 700 - 10 * k); every page also keeps
 * one ordinary link.
 */
async function markedPdf(marks: readonly (readonly number[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
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
    return { outline: await walk((await doc.getOutline()) as Item[] | null), urls }
  } finally {
    await doc.destroy()
  }
}

describe('addOutline', () => {
  // Loading pdf.js takes seconds on a loaded 2-core machine.
  it('nests slides under chapters, points each at the page of its marker, and removes the markers', { timeout: 30_000 }, async () => {
    const original = await markedPdf([[0, 1], [2], [], [3, 4]])
    const bookmarks = [
      { level: 1, title: 'Part one' },
      { level: 2, title: 'Why it matters' },
      { level: 2, title: 'Déjà vu: 深度学习' },
      { level: 1, title: 'Part two' },
      { level: 2, title: 'The end' },
    ]
    const updated = await addOutline(original, bookmarks)
    // Only appended: the printed bytes stay as they were.
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true)
    const { outline, urls } = await readBack(updated)
    expect(outline).toEqual([
      ['Part one', 1, [['Why it matters', 1], ['Déjà vu: 深度学习', 2]]],
      ['Part two', 4, [['The end', 4]]],
    ])
    expect(urls).toEqual([['https://example.com/'], ['https://example.com/'], ['https://example.com/'], ['https://example.com/']])
  })

  it('leaves out a bookmark whose marker was not printed, and keeps a PDF without bookmarks as it is', async () => {
    const original = await markedPdf([[0], []])
    const { outline } = await readBack(await addOutline(original, [{ level: 1, title: 'Here' }, { level: 1, title: 'Never printed' }]))
    expect(outline).toEqual([['Here', 1]])
    expect(await addOutline(original, [])).toBe(original)
  })

  it('survives a metadata update on top of it', async () => {
    const outlined = await addOutline(await markedPdf([[0]]), [{ level: 1, title: 'Only' }])
    const both = await setPdfMetadata(outlined, { title: 'T', author: 'A', subject: 'S' })
    expect((await readBack(both)).outline).toEqual([['Only', 1]])
    expect((await PDFDocument.load(both, { updateMetadata: false })).getTitle()).toBe('T')
  })
})

describe('incremental updates', () => {
  it('reads the last trailer, and writes one xref subsection per run of object numbers', async () => {
    const original = await markedPdf([[0]])
    const trailer = readTrailer(original)!
    const once = appendUpdate(original, trailer, new Map([[trailer.size, '<< /A 1 >>'], [trailer.size + 1, '<< /B 2 >>'], [trailer.size + 5, '<< /C 3 >>']]))
    const tail = Buffer.from(once.subarray(original.length)).toString('latin1')
    expect(tail).toContain(`xref\n${trailer.size} 2\n`)
    expect(tail).toContain(`\n${trailer.size + 5} 1\n`)
    const next = readTrailer(once)!
    expect(next.size).toBe(trailer.size + 6)
    expect(next.root).toBe(trailer.root)
    expect(next.startxref).toBeGreaterThan(trailer.startxref)
    expect((await PDFDocument.load(once)).getPageCount()).toBe(1)
  })
})
