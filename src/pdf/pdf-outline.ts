import type { PDFArray, PDFDict, PDFDocument, PDFRef } from 'pdf-lib'
import { BOOKMARK_URL, type Bookmark } from '../print/bookmark-marker.js'
import { appendUpdate, readTrailer } from './incremental-update.js'
import { loadPdfLib } from './load-pdf-lib.js'
import { pdfString } from './pdf-metadata.js'

interface Target {
  readonly page: PDFRef
  /** Top of the marker on its page, in PDF units from the bottom. */
  readonly top: number
}

/**
 * Adds the PDF outline (the bookmarks panel) for `bookmarks`, pointing at the pages where their
 * markers were printed, and removes the markers. Written as an incremental update: only the
 * pages that held markers, the catalog and the outline items are appended. A bookmark whose
 * marker is not in the PDF is left out; with no bookmarks at all the PDF is returned as is.
 */
export async function addOutline(pdf: Uint8Array, bookmarks: readonly Bookmark[]): Promise<Uint8Array> {
  const trailer = readTrailer(pdf)
  if (bookmarks.length === 0 || !trailer) return pdf
  const lib = await loadPdfLib()
  // Parsed in one go: by default pdf-lib yields to the event loop every 100 objects.
  const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest })
  const { targets, objects } = removeMarkers(doc, lib)
  const items = bookmarks.flatMap((b, i) => {
    const target = targets.get(i)
    return target ? [{ ...b, target }] : []
  })
  if (items.length === 0 && objects.size === 0) return pdf

  let next = Math.max(trailer.size, doc.context.largestObjectNumber + 1)
  const outlineRoot = next++
  const tree = nest(items)
  const number = new Map<OutlineNode, number>()
  const assign = (nodes: readonly OutlineNode[]): void => {
    for (const node of nodes) {
      number.set(node, next++)
      assign(node.children)
    }
  }
  assign(tree)
  const ref = (n: number): string => `${n} 0 R`
  const write = (nodes: readonly OutlineNode[], parent: number): void => {
    nodes.forEach((node, i) => {
      const own = number.get(node)!
      const { page, top } = node.item.target
      const fields = [
        `/Title ${pdfString(node.item.title)}`,
        `/Parent ${ref(parent)}`,
        i > 0 ? `/Prev ${ref(number.get(nodes[i - 1]!)!)}` : '',
        i < nodes.length - 1 ? `/Next ${ref(number.get(nodes[i + 1]!)!)}` : '',
        node.children.length ? `/First ${ref(number.get(node.children[0]!)!)} /Last ${ref(number.get(node.children.at(-1)!)!)}` : '',
        // Chapters start open, showing their slides.
        node.children.length ? `/Count ${node.children.length}` : '',
        `/Dest [${page.objectNumber} ${page.generationNumber} R /XYZ null ${round(top)} null]`,
      ]
      objects.set(own, `<< ${fields.filter(Boolean).join(' ')} >>`)
      write(node.children, own)
    })
  }
  write(tree, outlineRoot)
  const visible = tree.length + tree.reduce((sum, node) => sum + node.children.length, 0)
  objects.set(
    outlineRoot,
    tree.length
      ? `<< /Type /Outlines /First ${ref(number.get(tree[0]!)!)} /Last ${ref(number.get(tree.at(-1)!)!)} /Count ${visible} >>`
      : '<< /Type /Outlines /Count 0 >>',
  )

  const catalogRef = doc.context.trailerInfo.Root as PDFRef
  const catalog = doc.context.lookup(catalogRef, lib.PDFDict)
  catalog.set(lib.PDFName.of('Outlines'), lib.PDFRef.of(outlineRoot))
  if (tree.length) catalog.set(lib.PDFName.of('PageMode'), lib.PDFName.of('UseOutlines'))
  objects.set(catalogRef.objectNumber, catalog.toString())
  return appendUpdate(pdf, trailer, objects)
}

interface OutlineNode {
  readonly item: Bookmark & { readonly target: Target }
  readonly children: OutlineNode[]
}

/** Flat bookmarks with levels -> a tree; a slide before any chapter stays at the top level. */
function nest(items: readonly (Bookmark & { readonly target: Target })[]): OutlineNode[] {
  const roots: OutlineNode[] = []
  let chapter: OutlineNode | undefined
  for (const item of items) {
    const node: OutlineNode = { item, children: [] }
    if (item.level <= 1 || !chapter) {
      roots.push(node)
      chapter = item.level <= 1 ? node : undefined
    } else {
      chapter.children.push(node)
    }
  }
  return roots
}

/**
 * Finds the marker links on every page: bookmark index -> page and height. Each page that held
 * markers is serialised again without them (or its /Annots array, when that is an object of
 * its own), keyed by object number.
 */
function removeMarkers(doc: PDFDocument, lib: typeof import('pdf-lib')): { targets: Map<number, Target>; objects: Map<number, string> } {
  const { PDFArray, PDFDict, PDFName, PDFRef } = lib
  const context = doc.context
  const targets = new Map<number, Target>()
  const objects = new Map<number, string>()
  for (const page of doc.getPages()) {
    const raw = page.node.get(PDFName.of('Annots'))
    const annots = raw && context.lookupMaybe(raw, PDFArray)
    if (!annots) continue
    const kept: ReturnType<PDFArray['get']>[] = []
    for (const entry of annots.asArray()) {
      const annot = context.lookupMaybe(entry, PDFDict)
      const index = annot && markerIndex(annot, lib)
      if (index === undefined) {
        kept.push(entry)
        continue
      }
      if (!targets.has(index)) targets.set(index, { page: page.ref, top: topOf(annot!, lib) })
    }
    if (kept.length === annots.size()) continue
    const rest = context.obj(kept)
    if (raw instanceof PDFRef) {
      objects.set(raw.objectNumber, rest.toString())
    } else {
      if (kept.length) page.node.set(PDFName.of('Annots'), rest)
      else page.node.delete(PDFName.of('Annots'))
      objects.set(page.ref.objectNumber, page.node.toString())
    }
  }
  return { targets, objects }
}

function markerIndex(annot: PDFDict, lib: typeof import('pdf-lib')): number | undefined {
  const action = annot.lookupMaybe(lib.PDFName.of('A'), lib.PDFDict)
  const uri = action?.lookup(lib.PDFName.of('URI'))
  if (!(uri instanceof lib.PDFString || uri instanceof lib.PDFHexString)) return undefined
  const text = uri.decodeText()
  if (!text.startsWith(BOOKMARK_URL)) return undefined
  const index = Number(text.slice(BOOKMARK_URL.length))
  return Number.isInteger(index) && index >= 0 ? index : undefined
}

function topOf(annot: PDFDict, lib: typeof import('pdf-lib')): number {
  const rect = annot.lookupMaybe(lib.PDFName.of('Rect'), lib.PDFArray)
  const ys = [rect?.get(1), rect?.get(3)].map((n) => (n instanceof lib.PDFNumber ? n.asNumber() : 0))
  return Math.max(...ys)
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
