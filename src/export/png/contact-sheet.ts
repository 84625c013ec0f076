// Composes slide pictures into one contact sheet with sharp (no files: the caller writes it).
import type { SheetLayout } from './png-names.js'

/** One PNG with every picture in `pngs` placed on `layout`'s grid, on `background`. */
export async function composeContactSheet(pngs: readonly Buffer[], layout: SheetLayout, background: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  const thumbs = await Promise.all(pngs.map((png) => sharp(png).resize(layout.cell.width, layout.cell.height, { fit: 'fill' }).png().toBuffer()))
  return sharp({ create: { width: layout.width, height: layout.height, channels: 3, background } })
    .composite(thumbs.map((input, i) => ({ input, ...layout.places[i]! })))
    .png()
    .toBuffer()
}
