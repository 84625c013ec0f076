// Pure (pdf-lib loaded on first use): a printed PDF finished in memory, ready to write.
import type { PDFDocument, PDFRef } from 'pdf-lib'
import type { Bookmark } from '../print/bookmark-marker.js'
import { loadPdfLib } from './load-pdf-lib.js'
import { addOutline } from './pdf-outline.js'
import { type PdfMetadata, setPdfMetadata } from './pdf-metadata.js'

type PdfLib = typeof import('pdf-lib')

/**
 * A printed PDF made ready to write: its outline from the bookmark markers, its metadata, and
 * then saved whole, with what nothing refers to any more left out (the markers' annotations)
 * and the dictionaries packed into compressed object streams. Chromium writes every page,
 * annotation and (in a tagged PDF) structure element as a plain-text object; packed, a
 * 1,000-slide deck's PDF is about a quarter smaller. Streams (page contents, fonts, images) are
 * copied as Chromium compressed them.
 */
export async function finishPdf(
  printed: Uint8Array,
  bookmarks: readonly Bookmark[],
  meta: PdfMetadata,
  now = new Date(),
): Promise<{ readonly pdf: Uint8Array; readonly pages: number }> {
  const lib = await loadPdfLib()
  // Parsed in one go: by default pdf-lib yields to the event loop every 100 objects.
  const doc = await lib.PDFDocument.load(printed, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest })
  addOutline(doc, lib, bookmarks)
  setPdfMetadata(doc, meta, now)
  dropUnreferenced(doc, lib)
  // Written in one go: by default pdf-lib waits a timer tick every 50 objects (a 1,000-page PDF
  // has tens of thousands).
  const pdf = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  return { pdf, pages: doc.getPageCount() }
}

/** Deletes every object that cannot be reached from the trailer (its /Root and /Info). */
function dropUnreferenced(doc: PDFDocument, lib: PdfLib): void {
  const { PDFArray, PDFDict, PDFRef, PDFStream } = lib
  const { context } = doc
  const reached = new Set<PDFRef>()
  const pending: unknown[] = [context.trailerInfo.Root, context.trailerInfo.Info]
  while (pending.length > 0) {
    const value = pending.pop()
    if (value instanceof PDFRef) {
      if (reached.has(value)) continue
      reached.add(value)
      pending.push(context.lookup(value))
    } else if (value instanceof PDFDict) {
      for (const entry of value.values()) pending.push(entry)
    } else if (value instanceof PDFArray) {
      for (const entry of value.asArray()) pending.push(entry)
    } else if (value instanceof PDFStream) {
      pending.push(value.dict)
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref)
}
