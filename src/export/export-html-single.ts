// I/O: the built deck as one file, `<deck>.html`: Reveal.js, the CSS, the deck's subset fonts,
// pictures and media inside it, so it opens alone from any folder, offline, speaker view and
// all. Pictures larger than the slide can show are downscaled on request (sharp).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { warning, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import { exportFileNames, type ExportedFile } from './export-file-name.js'
import { cssReferences, deckReferences, inlineDeck } from './inline-deck.js'

export interface ExportHtmlSingleOptions {
  /**
   * Downscale raster pictures to fit the slide at this many device pixels per CSS pixel
   * (2 keeps them sharp on high-density screens). @defaultValue undefined: pictures as they are
   */
  readonly downscale?: number
}

export interface HtmlSingleResult extends ExportedFile {
  /** Pictures made smaller, and the bytes that saved. */
  readonly downscaled: { readonly count: number; readonly saved: number }
}

const RASTER = /\.(png|jpe?g|webp)$/i

export async function exportHtmlSingle(built: BuiltDeck, options: ExportHtmlSingleOptions = {}): Promise<StageResult<HtmlSingleResult>> {
  const diagnostics: Diagnostic[] = []
  const html = built.html.html
  const refs = deckReferences(html)
  const text = new Map<string, string>()
  const bytes = new Map<string, Uint8Array>()
  const read = async (rel: string): Promise<Buffer | undefined> => {
    try {
      return await readFile(path.join(built.outDir, rel))
    } catch {
      diagnostics.push(warning('export-not-placed', `${rel} is not in ${built.outDir}; the one-file HTML keeps the reference to it`, { file: built.config.file, line: 1 }))
      return undefined
    }
  }
  const files = new Set<string>()
  for (const ref of refs) {
    if (ref.kind === 'file') files.add(ref.path)
    else if (!text.has(ref.path)) {
      const data = await read(ref.path)
      if (!data) continue
      const source = data.toString('utf8')
      text.set(ref.path, source)
      if (ref.kind === 'stylesheet') for (const p of cssReferences(source, ref.path)) files.add(p)
    }
  }
  const downscaled = { count: 0, saved: 0 }
  const bound = options.downscale ? { width: Math.round(built.theme.width * options.downscale), height: Math.round(built.theme.height * options.downscale) } : undefined
  for (const rel of files) {
    const data = await read(rel)
    if (!data) continue
    const smaller = bound && RASTER.test(rel) ? await downscale(data, bound) : undefined
    if (smaller && smaller.length < data.length) {
      downscaled.count++
      downscaled.saved += data.length - smaller.length
    }
    bytes.set(rel, smaller && smaller.length < data.length ? smaller : data)
  }
  const page = inlineDeck(html, { text, bytes })
  const file = path.join(built.outDir, exportFileNames('html-single', built.name)[0]!)
  await writeFileAtomic(file, page)
  return { value: { file, bytes: Buffer.byteLength(page), downscaled }, diagnostics }
}

/** The picture fitted inside `bound` in its own format, or undefined when it already fits. */
async function downscale(data: Buffer, bound: { width: number; height: number }): Promise<Buffer | undefined> {
  const { default: sharp } = await import('sharp')
  const image = sharp(data)
  const meta = await image.metadata()
  if (!meta.width || !meta.height || (meta.width <= bound.width && meta.height <= bound.height)) return undefined
  const resized = image.resize({ ...bound, fit: 'inside', withoutEnlargement: true })
  if (meta.format === 'jpeg') return resized.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
  if (meta.format === 'webp') return resized.webp({ quality: 85 }).toBuffer()
  return resized.png({ compressionLevel: 9 }).toBuffer()
}
