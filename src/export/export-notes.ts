// I/O: the built deck's speaker notes as `<deck>-notes.md` and `<deck>-notes.txt` beside index.html.
import path from 'node:path'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { writeFileAtomic } from '../output/write-file-atomic.js'
import { exportFileNames, type ExportedFile } from './export-file-name.js'
import { notesMarkdown, notesText } from './notes-document.js'

export async function exportNotes(built: BuiltDeck): Promise<StageResult<ExportedFile[]>> {
  const input = { deck: built.config, slides: built.slides }
  const [md, txt] = exportFileNames('notes', built.name).map((name) => path.join(built.outDir, name)) as [string, string]
  const files: ExportedFile[] = []
  for (const [file, text] of [[md, notesMarkdown(input)], [txt, notesText(input)]] as const) {
    await writeFileAtomic(file, text)
    files.push({ file, bytes: Buffer.byteLength(text) })
  }
  return { value: files, diagnostics: [] }
}
