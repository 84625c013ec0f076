// Pure: the file names of slide pictures, padded so that they sort in slide order
// (slide-01.png ... slide-12.png; fragment steps slide-03-1.png, slide-03-2.png ...).

export const CONTACT_SHEET_FILE = 'contact-sheet.png'

const SLIDE_PNG = /^slide-\d+(-\d+)?\.png$/

/** A name per page; `steps` are counted from 1 within their slide. */
export function pngFileNames(pages: readonly { slide: number; step?: number }[]): string[] {
  const slideDigits = Math.max(2, String(Math.max(0, ...pages.map((p) => p.slide))).length)
  const stepDigits = String(Math.max(0, ...pages.map((p) => p.step ?? 0))).length
  return pages.map((p) => {
    const base = `slide-${String(p.slide).padStart(slideDigits, '0')}`
    return `${p.step === undefined ? base : `${base}-${String(p.step).padStart(stepDigits, '0')}`}.png`
  })
}

/** True for a name the PNG export writes (kept when the deck is built again). */
export function isPngExportFile(name: string): boolean {
  return SLIDE_PNG.test(name) || name === CONTACT_SHEET_FILE
}

export interface SheetLayout {
  readonly columns: number
  readonly rows: number
  readonly cell: { readonly width: number; readonly height: number }
  readonly gap: number
  readonly width: number
  readonly height: number
  /** Top-left corner of each picture. */
  readonly places: readonly { readonly left: number; readonly top: number }[]
}

/** A grid of `count` thumbnails `thumbWidth` wide, `columns` across (fewer when there are fewer slides). */
export function contactSheetLayout(count: number, slide: { width: number; height: number }, columns = 4, thumbWidth = 480, gap = 16): SheetLayout {
  const across = Math.max(1, Math.min(columns, count))
  const rows = Math.max(1, Math.ceil(count / across))
  const cell = { width: thumbWidth, height: Math.round((thumbWidth * slide.height) / slide.width) }
  const places = Array.from({ length: count }, (_, i) => ({
    left: gap + (i % across) * (cell.width + gap),
    top: gap + Math.floor(i / across) * (cell.height + gap),
  }))
  return { columns: across, rows, cell, gap, width: gap + across * (cell.width + gap), height: gap + rows * (cell.height + gap), places }
}
