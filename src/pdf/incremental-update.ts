// Pure: appending objects to a PDF as an incremental update (new objects, an xref section, and
// a trailer whose /Prev points at the old one), so a 1,000-page PDF is never rewritten whole.

/** The last trailer of a PDF with a classic xref table, as Chromium writes it. */
export interface PdfTrailer {
  /** /Size: one past the highest object number. */
  readonly size: number
  /** `N G R` references, as written. */
  readonly root: string
  readonly info?: string
  /** The /ID array, as written. */
  readonly id?: string
  /** Byte offset of the xref section this trailer closes (the next update's /Prev). */
  readonly startxref: number
}

/** The trailer at the end of the file, or undefined when it is not a classic one (xref streams). */
export function readTrailer(pdf: Uint8Array): PdfTrailer | undefined {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 4096)))
  // The last trailer: after an update, the tail may hold the one before it too.
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail.slice(tail.lastIndexOf('trailer')))
  if (!trailer) return undefined
  const dict = trailer[1]!
  const size = /\/Size\s+(\d+)/.exec(dict)
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict)
  if (!size || !root) return undefined
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1]
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1]
  return { size: Number(size[1]), root: root[1]!, ...(info && { info }), ...(id && { id }), startxref: Number(trailer[2]) }
}

/**
 * Appends `objects` (object number -> the text between `obj` and `endobj`) after the PDF.
 * A number the PDF already uses replaces that object; new numbers must start at the trailer's
 * /Size. `root` and `info` replace the trailer's references when given.
 */
export function appendUpdate(
  pdf: Uint8Array,
  trailer: PdfTrailer,
  objects: ReadonlyMap<number, string>,
  refs: { readonly root?: string; readonly info?: string } = {},
): Uint8Array {
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n'
  let text = lead
  const offsets = new Map<number, number>()
  const numbers = [...objects.keys()].sort((a, b) => a - b)
  for (const n of numbers) {
    offsets.set(n, pdf.length + Buffer.byteLength(text, 'latin1'))
    text += `${n} 0 obj\n${objects.get(n)}\nendobj\n`
  }
  const xrefOffset = pdf.length + Buffer.byteLength(text, 'latin1')
  text += 'xref\n'
  // One subsection per run of consecutive object numbers.
  for (let i = 0; i < numbers.length; ) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    text += `${numbers[i]} ${j - i + 1}\n`
    for (let k = i; k <= j; k++) text += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n \n`
    i = j + 1
  }
  const size = Math.max(trailer.size, (numbers.at(-1) ?? 0) + 1)
  const info = refs.info ?? trailer.info
  text +=
    `trailer\n<< /Size ${size} /Root ${refs.root ?? trailer.root}` +
    (info ? ` /Info ${info}` : '') +
    ` /Prev ${trailer.startxref}` +
    (trailer.id ? ` /ID ${trailer.id}` : '') +
    ` >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  const out = new Uint8Array(pdf.length + text.length)
  out.set(pdf, 0)
  out.set(Buffer.from(text, 'latin1'), pdf.length)
  return out
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}
