import { appendUpdate, latin1, readTrailer } from './incremental-update.js'
import { loadPdfLib } from './load-pdf-lib.js'

export interface PdfMetadata {
  readonly title: string
  readonly author: string
  readonly subject: string
  readonly keywords?: string
  /** @defaultValue 'deckhand' */
  readonly creator?: string
}

/**
 * Sets the document information dictionary. Chromium writes a classic xref table, so the new
 * dictionary is appended as an incremental update (new object, xref section, trailer with
 * /Prev): constant time however many pages the PDF has. Other PDFs go through pdf-lib.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata, now = new Date()): Promise<Uint8Array> {
  return appendInfoUpdate(pdf, meta, now) ?? (await rewriteWithPdfLib(pdf, meta, now))
}

/** The incremental update, or undefined when the PDF's tail is not a classic trailer. */
export function appendInfoUpdate(pdf: Uint8Array, meta: PdfMetadata, now: Date): Uint8Array | undefined {
  const trailer = readTrailer(pdf)
  if (!trailer) return undefined
  const kept = keptInfoEntries(pdf, trailer.info)
  const info =
    `<< /Title ${pdfString(meta.title)} /Author ${pdfString(meta.author)} /Subject ${pdfString(meta.subject)}` +
    (meta.keywords ? ` /Keywords ${pdfString(meta.keywords)}` : '') +
    ` /Creator ${pdfString(meta.creator ?? 'deckhand')}${kept} /ModDate (${pdfDate(now)}) >>`
  return appendUpdate(pdf, trailer, new Map([[trailer.size, info]]), { info: `${trailer.size} 0 R` })
}

/** /Producer and /CreationDate of the old information dictionary, kept as written. */
function keptInfoEntries(pdf: Uint8Array, ref: string | undefined): string {
  const numbers = ref && /^(\d+)\s+(\d+)\s+R$/.exec(ref)
  if (!numbers) return ''
  const text = latin1(pdf.subarray(0, Math.min(pdf.length, 65536)))
  const start = text.indexOf(`\n${numbers[1]} ${numbers[2]} obj`)
  if (start < 0) return ''
  const body = text.slice(start, text.indexOf('endobj', start))
  let kept = ''
  for (const key of ['Producer', 'CreationDate']) {
    const entry = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(body)
    if (entry) kept += ` /${key} ${entry[1]}`
  }
  return kept
}

async function rewriteWithPdfLib(pdf: Uint8Array, meta: PdfMetadata, now: Date): Promise<Uint8Array> {
  const { PDFDocument, ParseSpeeds } = await loadPdfLib()
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
  doc.setTitle(meta.title)
  doc.setAuthor(meta.author)
  doc.setSubject(meta.subject)
  if (meta.keywords) doc.setKeywords([meta.keywords])
  doc.setCreator(meta.creator ?? 'deckhand')
  doc.setModificationDate(now)
  return doc.save({ useObjectStreams: false })
}

/** A PDF text string: UTF-16BE with a byte-order mark, as hex, so any script is safe. */
export function pdfString(text: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

function pdfDate(date: Date): string {
  const iso = date.toISOString()
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}
