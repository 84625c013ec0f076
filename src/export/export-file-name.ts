// Pure: the names of the files the exports write next to a deck's index.html.

import { EXPORT_FORMATS, type ExportFormat } from '../model.js'
import { isPngExportFile } from './png/png-names.js'

/** The files a format writes, for deck `deck` (`dist/<deck>/`). */
export function exportFileNames(format: ExportFormat, deck: string): string[] {
  if (format === 'html-single') return [`${deck}.html`]
  if (format === 'pptx') return [`${deck}.pptx`]
  if (format === 'pptx-images') return [`${deck}-pictures.pptx`]
  // PNG names depend on the slides: see png/png-names.
  if (format === 'png') return []
  return [`${deck}-notes.md`, `${deck}-notes.txt`]
}

/** True for any file an export of deck `deck` writes (kept when the deck is built again). */
export function isExportFile(name: string, deck: string): boolean {
  return isPngExportFile(name) || EXPORT_FORMATS.some((f) => exportFileNames(f, deck).includes(name))
}

export interface ExportedFile {
  readonly file: string
  readonly bytes: number
}
