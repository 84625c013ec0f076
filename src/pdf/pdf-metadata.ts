import type { PDFDocument } from 'pdf-lib'

export interface PdfMetadata {
  readonly title: string
  readonly author: string
  readonly subject: string
  readonly keywords?: string
  /** @defaultValue 'deckhand' */
  readonly creator?: string
}

/**
 * Sets the document information dictionary of `doc` (text strings as UTF-16, so any script is
 * safe). What Chromium wrote there besides, /Producer and /CreationDate, is kept.
 */
export function setPdfMetadata(doc: PDFDocument, meta: PdfMetadata, now = new Date()): void {
  doc.setTitle(meta.title)
  doc.setAuthor(meta.author)
  doc.setSubject(meta.subject)
  if (meta.keywords) doc.setKeywords([meta.keywords])
  doc.setCreator(meta.creator ?? 'deckhand')
  doc.setModificationDate(now)
}
