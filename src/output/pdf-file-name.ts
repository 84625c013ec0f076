// Pure: the names of the PDFs printed next to a deck's index.html.
import { HANDOUT_LAYOUTS, type HandoutLayout } from '../model.js'

/** The file a print product is written to, next to index.html. */
export function pdfFileName(product: 'slides' | HandoutLayout): string {
  return product === 'slides' ? 'slides.pdf' : `handout-${product}.pdf`
}

/** Every file name printing can write. */
export const PRINTED_PDFS: ReadonlySet<string> = new Set(['slides' as const, ...HANDOUT_LAYOUTS].map(pdfFileName))
