// I/O: the built deck -> `<deck>-pictures.pptx`: each slide as one full-slide picture (its
// final state, from the slides print document) with its speaker notes, for decks whose exact
// look matters more than editable text.
import path from 'node:path'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import { slideTitle } from '../print/place-slides.js'
import { blocksToText } from './blocks-text.js'
import type { CapturedPage } from './capture-slides.js'
import { finalPages } from './export-png.js'
import { exportFileNames, type ExportedFile } from './export-file-name.js'
import { notesParagraphs } from './pptx/conform-pptx.js'

/** Minimal surface of pptxgenjs used here (its bundled types do not resolve under NodeNext). */
interface PicturePres {
  layout: string
  title: string
  author: string
  subject: string
  defineLayout(l: { name: string; width: number; height: number }): void
  addSlide(): { addImage(o: object): void; addNotes(text: string): void }
  write(o: { outputType: 'nodebuffer'; compression: boolean }): Promise<unknown>
}

export async function exportPptxImages(built: BuiltDeck, pages: readonly CapturedPage[]): Promise<StageResult<ExportedFile>> {
  const [{ default: PptxGenJS }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('jszip')])
  const pres = new (PptxGenJS as unknown as new () => PicturePres)()
  const size = { w: built.theme.width / 96, h: built.theme.height / 96 }
  pres.defineLayout({ name: 'DECK', width: size.w, height: size.h })
  pres.layout = 'DECK'
  pres.title = built.config.title
  pres.author = built.config.author
  pres.subject = built.config.subtitle
  const bySlide = new Map(built.slides.map((s) => [s.index, s]))
  for (const page of finalPages(pages)) {
    const slide = bySlide.get(page.slide)
    const target = pres.addSlide()
    target.addImage({ data: `image/png;base64,${page.png.toString('base64')}`, x: 0, y: 0, ...size, altText: slide ? slideTitle(slide) : `Slide ${page.slide}` })
    const notes = slide ? blocksToText(slide.notesBlocks ?? []) : []
    if (notes.length) target.addNotes(notes.join('\n'))
  }
  const zip = await JSZip.loadAsync((await pres.write({ outputType: 'nodebuffer', compression: false })) as Buffer)
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))) {
    zip.file(name, notesParagraphs(await zip.file(name)!.async('string')))
  }
  // The pictures are PNGs, compressed already: zipping them harder gains nothing.
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } })
  const file = path.join(built.outDir, exportFileNames('pptx-images', built.name)[0]!)
  await writeFileAtomic(file, data)
  return { value: { file, bytes: data.length }, diagnostics: [] }
}
