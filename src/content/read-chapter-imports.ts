// I/O: reads the files a chapter imports (Slidev's `src:`) and parses the chapter with them.
// Only files inside the deck folder are read, however a path or a symlink is written.
import { readFile, realpath } from 'node:fs/promises'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter } from '../model.js'
import type { ChapterSources } from './dialects/split-dialect.js'
import { parseChapter } from './parse-chapter.js'
import type { FrontMatterOptions } from './parse-front-matter.js'
import { isSameOrInside } from '../project/path-inside.js'
import { decodeText } from './read-text.js'

const MAX_ROUNDS = 8

export interface ParsedChapter {
  readonly result: StageResult<Chapter>
  /** The imported files as read, for caches that must notice when one changes. */
  readonly sources: ChapterSources
}

/** Parses a chapter; when it imports files, reads them and parses again until nothing is missing. */
export async function parseChapterWithImports(file: string, text: string, deckDir: string, options: FrontMatterOptions = {}): Promise<ParsedChapter> {
  const sources = new Map<string, string | { readonly unread: 'missing' | 'outside' }>()
  let result = parseChapter(file, text, undefined, sources, options)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = result.value.imports.filter((f) => !sources.has(f))
    if (missing.length === 0) break
    for (const f of missing) sources.set(f, await readImport(f, deckDir))
    result = parseChapter(file, text, undefined, sources, options)
  }
  return { result, sources }
}

async function readImport(file: string, deckDir: string): Promise<string | { readonly unread: 'missing' | 'outside' }> {
  let real: string
  let bytes: Uint8Array
  try {
    real = await realpath(file)
    if (!isSameOrInside(real, await realpath(deckDir))) return { unread: 'outside' }
    bytes = await readFile(real)
  } catch {
    return { unread: 'missing' }
  }
  return decodeText(bytes, file)
}
