// I/O: the built deck -> slide-01.png, slide-02.png ... (and fragment steps, and an optional
// contact sheet) beside index.html, from the slides print document, in one browser. Every file
// is written atomically; pictures of an earlier export that this one did not write are removed
// only once all the new ones are in.
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import type { CapturedPage } from './capture-slides.js'
import type { ExportedFile } from './export-file-name.js'
import { composeContactSheet } from './png/contact-sheet.js'
import { CONTACT_SHEET_FILE, contactSheetLayout, isPngExportFile, pngFileNames } from './png/png-names.js'

export interface ExportPngOptions {
  /** Also one picture of every slide on one sheet. @defaultValue false */
  readonly contactSheet?: boolean
}

/** Writes the captured pages as PNG files; the contact sheet shows each slide's final state. */
export async function exportPng(built: BuiltDeck, pages: readonly CapturedPage[], options: ExportPngOptions = {}): Promise<StageResult<ExportedFile[]>> {
  const outDir = built.outDir
  const names = pngFileNames(pages)
  const files: ExportedFile[] = []
  for (const [i, page] of pages.entries()) {
    const file = path.join(outDir, names[i]!)
    await writeFileAtomic(file, page.png)
    files.push({ file, bytes: page.png.length })
  }
  if (options.contactSheet) {
    const finals = finalPages(pages)
    const layout = contactSheetLayout(finals.length, built.theme)
    const sheet = await composeContactSheet(finals.map((p) => p.png), layout, '#e5e7eb')
    const file = path.join(outDir, CONTACT_SHEET_FILE)
    await writeFileAtomic(file, sheet)
    files.push({ file, bytes: sheet.length })
  }
  const written = new Set(files.map((f) => path.basename(f.file)))
  for (const name of await readdir(outDir)) {
    if (isPngExportFile(name) && !written.has(name)) await rm(path.join(outDir, name), { force: true })
  }
  return { value: files, diagnostics: [] }
}

/** Each slide's last page: all its fragments shown. */
export function finalPages(pages: readonly CapturedPage[]): CapturedPage[] {
  return pages.filter((p, i) => pages[i + 1]?.slide !== p.slide)
}
