// Reading printed PDFs in tests: text per page, links, bookmarks, metadata (pdf.js), and
// pixels per page (poppler's pdftoppm, as PPM, so no image library is needed).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: PdfJs | undefined

export interface PdfLink {
  readonly page: number
  readonly url?: string
  /** 1-based page the link jumps to, for internal links. */
  readonly target?: number
}

export interface PdfBookmark {
  readonly title: string
  readonly page: number
  readonly items: readonly PdfBookmark[]
}

export interface PdfFacts {
  readonly pages: number
  /** Text of each page (index 0 is page 1). */
  readonly text: readonly string[]
  readonly links: readonly PdfLink[]
  readonly bookmarks: readonly PdfBookmark[]
  readonly info: Readonly<Record<string, unknown>>
  /** Page size in points, of page 1. */
  readonly size: { readonly width: number; readonly height: number }
}

export async function readPdf(file: string): Promise<PdfFacts> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise
  try {
    const text: string[] = []
    const links: PdfLink[] = []
    const pageOf = async (dest: unknown): Promise<number | undefined> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null)
      if (!explicit?.[0]) return undefined
      return (await doc.getPageIndex(explicit[0] as { num: number; gen: number })) + 1
    }
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '))
      for (const a of (await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
        if (a.subtype !== 'Link') continue
        links.push({ page: n, ...(a.url && { url: a.url }), ...(a.dest !== undefined && { target: await pageOf(a.dest) }) })
      }
    }
    type Item = { title: string; dest: unknown; items: Item[] }
    const walk = async (items: Item[] | null): Promise<PdfBookmark[]> =>
      Promise.all((items ?? []).map(async (i) => ({ title: i.title, page: (await pageOf(i.dest)) ?? 0, items: await walk(i.items) })))
    const bookmarks = await walk((await doc.getOutline()) as Item[] | null)
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> }
    const [, , width, height] = (await doc.getPage(1)).view as number[]
    return { pages: doc.numPages, text, links, bookmarks, info, size: { width: width!, height: height! } }
  } finally {
    await doc.destroy()
  }
}

/** Names of the fonts in a PDF and whether each is embedded (`pdffonts`). */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' })
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/)
      // name type [encoding…] emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' }
    })
}

export interface PageImage {
  readonly width: number
  readonly height: number
  /** Grey level 0 (black) to 255 (white) at x, y. */
  grey(x: number, y: number): number
  /** Red, green and blue (0–255) at x, y. */
  rgb(x: number, y: number): [number, number, number]
}

/** Renders pages of a PDF with pdftoppm at `dpi` and returns them as grey-level images. */
export function renderPages(file: string, dpi: number, first?: number, last?: number): PageImage[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-ppm-'))
  try {
    const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])]
    execFileSync('pdftoppm', ['-r', String(dpi), ...range, file, path.join(dir, 'p')])
    return readdirSync(dir)
      .sort()
      .map((name) => parsePpm(readFileSync(path.join(dir, name))))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function parsePpm(buf: Buffer): PageImage {
  // P6 <width> <height> <max>\n then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('not a binary PPM')
  const width = Number(header[1])
  const height = Number(header[2])
  const offset = header[0].length
  return {
    width,
    height,
    grey(x, y) {
      const i = offset + (Math.floor(y) * width + Math.floor(x)) * 3
      return Math.round((buf[i]! + buf[i + 1]! + buf[i + 2]!) / 3)
    },
    rgb(x, y) {
      const i = offset + (Math.floor(y) * width + Math.floor(x)) * 3
      return [buf[i]!, buf[i + 1]!, buf[i + 2]!]
    },
  }
}

/** Share of pixels darker than `below` in a rectangle. */
export function inkShare(img: PageImage, x0: number, y0: number, x1: number, y1: number, below = 235): number {
  let ink = 0
  let all = 0
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, x1); x++) {
      all++
      if (img.grey(x, y) < below) ink++
    }
  }
  return all ? ink / all : 0
}
