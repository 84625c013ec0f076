import type { PDFDict, PDFDocument, PDFObject, PDFRef } from 'pdf-lib'
import { BOOKMARK_URL, type Bookmark } from '../print/bookmark-marker.js'

type PdfLib = typeof import('pdf-lib')

interface Target {
  readonly page: PDFRef
  /** Top of the marker on its page, in PDF units from the bottom. */
  readonly top: number
}

/**
 * Adds the PDF outline (the bookmarks panel) for `bookmarks` to `doc`, pointing at the pages
 * where their markers were printed, and takes the markers off their pages. A bookmark whose
 * marker is not in the PDF is left out; with no bookmark printed no outline is added.
 */
export function addOutline(doc: PDFDocument, lib: PdfLib, bookmarks: readonly Bookmark[]): void {
  const targets = removeMarkers(doc, lib)
  const items = bookmarks.flatMap((b, i) => {
    const target = targets.get(i)
    return target ? [{ ...b, target }] : []
  })
  if (items.length === 0) return
  const { context } = doc
  const { PDFName, PDFNumber } = lib
  const tree = nest(items)
  const outlineRoot = context.nextRef()
  const refs = new Map<OutlineNode, PDFRef>()
  const assign = (nodes: readonly OutlineNode[]): void => {
    for (const node of nodes) {
      refs.set(node, context.nextRef())
      assign(node.children)
    }
  }
  assign(tree)
  const write = (nodes: readonly OutlineNode[], parent: PDFRef): void => {
    nodes.forEach((node, i) => {
      const own = refs.get(node)!
      const { page, top } = node.item.target
      const item = context.obj({
        Title: lib.PDFHexString.fromText(node.item.title),
        Parent: parent,
        Dest: [page, PDFName.of('XYZ'), null, PDFNumber.of(round(top)), null],
      })
      if (i > 0) item.set(PDFName.of('Prev'), refs.get(nodes[i - 1]!)!)
      if (i < nodes.length - 1) item.set(PDFName.of('Next'), refs.get(nodes[i + 1]!)!)
      if (node.children.length) {
        item.set(PDFName.of('First'), refs.get(node.children[0]!)!)
        item.set(PDFName.of('Last'), refs.get(node.children.at(-1)!)!)
        // Chapters start open, showing their slides.
        item.set(PDFName.of('Count'), PDFNumber.of(node.children.length))
      }
      context.assign(own, item)
      write(node.children, own)
    })
  }
  write(tree, outlineRoot)
  const visible = tree.length + tree.reduce((sum, node) => sum + node.children.length, 0)
  context.assign(
    outlineRoot,
    context.obj({ Type: 'Outlines', First: refs.get(tree[0]!)!, Last: refs.get(tree.at(-1)!)!, Count: visible }),
  )
  doc.catalog.set(PDFName.of('Outlines'), outlineRoot)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
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
 * Finds the marker links on every page (bookmark index -> page and height) and takes them out
 * of the pages' /Annots. The annotation objects stay in the document: a tagged PDF's structure
 * tree may still name them, and whatever nothing names is dropped when the PDF is saved.
 */
function removeMarkers(doc: PDFDocument, lib: PdfLib): Map<number, Target> {
  const { PDFArray, PDFDict, PDFName } = lib
  const context = doc.context
  const targets = new Map<number, Target>()
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annots) continue
    const kept: PDFObject[] = []
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
    if (kept.length) page.node.set(PDFName.of('Annots'), context.obj(kept))
    else page.node.delete(PDFName.of('Annots'))
  }
  return targets
}

function markerIndex(annot: PDFDict, lib: PdfLib): number | undefined {
  const action = annot.lookupMaybe(lib.PDFName.of('A'), lib.PDFDict)
  const uri = action?.lookup(lib.PDFName.of('URI'))
  if (!(uri instanceof lib.PDFString || uri instanceof lib.PDFHexString)) return undefined
  const text = uri.decodeText()
  if (!text.startsWith(BOOKMARK_URL)) return undefined
  const index = Number(text.slice(BOOKMARK_URL.length))
  return Number.isInteger(index) && index >= 0 ? index : undefined
}

function topOf(annot: PDFDict, lib: PdfLib): number {
  const rect = annot.lookupMaybe(lib.PDFName.of('Rect'), lib.PDFArray)
  const ys = [rect?.get(1), rect?.get(3)].map((n) => (n instanceof lib.PDFNumber ? n.asNumber() : 0))
  return Math.max(...ys)
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
