// I/O: reads a deck's deck.yml and chapter files; ordering and decoding are pure helpers.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error, throwIfErrors, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { DeckConfig } from '../model.js'
import { listDecks } from '../project/find-project.js'
import { confineRead, readRoots, type ReadRoots } from '../project/read-roots.js'
import { resolveDeckConfig, type DeckConfigOverrides } from '../project/resolve-config.js'
import { decodeText } from './read-text.js'

export type ReadFileBytes = (file: string) => Promise<Uint8Array>

export interface ChapterFile {
  /** Path of the chapter: the deck folder joined with its name. */
  readonly file: string
  readonly text: string
}

const readBytes: ReadFileBytes = (file) => readFile(file)

/**
 * Reads the deck's chapters: the files `deck.yml` lists, in that order, or else every `*.md` but README.md
 * of the deck folder by numeric prefix. A listed file must lie inside `roots` (by default the deck
 * folder), symlinks followed. `read` is injectable for tests.
 */
export async function readChapterFiles(deckDir: string, config: DeckConfig, read: ReadFileBytes = readBytes, roots?: ReadRoots): Promise<ChapterFile[]> {
  const listed = config.chapters.length > 0
  const names = listed ? config.chapters : sortChapterFiles(await listMarkdownFiles(deckDir))
  if (listed) await confineChapters(deckDir, config, roots ?? (await readRoots([deckDir], `the deck folder ${deckDir}`)))
  const results = await Promise.all(names.map((name) => readChapter(deckDir, name, read)))
  const missing = names.filter((_, i) => results[i] === undefined)
  if (missing.length > 0) {
    // Listing is only for the hint; a reader injected in tests may have no folder behind it.
    const present = await listMarkdownFiles(deckDir).catch(() => [])
    throwIfErrors(missingChapters(config, missing, present))
  }
  return results.filter((r): r is ChapterFile => r !== undefined)
}

/** Every listed chapter must resolve inside the roots; each one that does not is an error at its entry. */
async function confineChapters(deckDir: string, config: DeckConfig, roots: ReadRoots): Promise<void> {
  const checked = await Promise.all(config.chapters.map((name, i) => confineRead(path.join(deckDir, name), roots, chapterSpan(config, i), 'Chapter')))
  throwIfErrors(checked.flatMap((c) => (c.ok ? [] : [c.diagnostic])))
}

/** Where deck.yml lists its `i`th chapter (its `chapters:` line when the entry's own is unknown). */
export function chapterSpan(config: DeckConfig, i: number) {
  return config.spans[`chapters.${i}`] ?? config.spans.chapters ?? { file: config.file, line: 1 }
}

/** A chapter's text, or undefined when the file does not exist. */
async function readChapter(deckDir: string, name: string, read: ReadFileBytes): Promise<ChapterFile | undefined> {
  const file = path.join(deckDir, name)
  let bytes: Uint8Array
  try {
    bytes = await read(file)
  } catch (cause) {
    if (isMissing(cause)) return undefined
    throw unreadable(file, cause)
  }
  return { file, text: decodeText(bytes, file) }
}

/** Reads `deckDir/deck.yml` and resolves it; a missing file lists the decks that exist. */
export async function readDeckConfig(deckDir: string, overrides: Partial<DeckConfigOverrides> = {}, read: ReadFileBytes = readBytes): Promise<StageResult<DeckConfig>> {
  const file = path.join(deckDir, 'deck.yml')
  let bytes: Uint8Array
  try {
    bytes = await read(file)
  } catch (cause) {
    if (!isMissing(cause)) throw unreadable(file, cause)
    const decks = await listDecks(path.dirname(deckDir))
    const hint = decks.length > 0 ? `decks found: ${decks.map((d) => d.name).join(', ')}` : `no folder of ${path.dirname(deckDir)} has a deck.yml`
    throw new DeckError(error('deck-not-found', `No deck "${path.basename(deckDir)}": ${file} does not exist`, undefined, hint), { cause })
  }
  return resolveDeckConfig(decodeText(bytes, file), file, overrides)
}

/**
 * Orders chapter file names by their numeric prefix (`2-x.md` before `10-y.md`); names without
 * one follow, alphabetically. Equal numbers fall back to the name.
 */
export function sortChapterFiles(names: readonly string[]): string[] {
  const prefix = (name: string): number => {
    const match = /^(\d+)/.exec(name)
    return match ? Number(match[1]) : Number.POSITIVE_INFINITY
  }
  return [...names].sort((a, b) => prefix(a) - prefix(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/** One `chapter-not-found` per missing chapter, pointing at deck.yml's `chapters` line. */
export function missingChapters(config: DeckConfig, missing: readonly string[], present: readonly string[]): Diagnostic[] {
  const span = config.spans.chapters ?? { file: config.file, line: 1 }
  const available = sortChapterFiles(present)
  const hint = available.length > 0 ? `chapter files in the deck folder: ${available.join(', ')}` : 'the deck folder has no .md files'
  return missing.map((name) => error('chapter-not-found', `deck.yml lists the chapter "${name}", but there is no such file in the deck folder`, span, hint))
}

function isMissing(cause: unknown): boolean {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

async function listMarkdownFiles(deckDir: string): Promise<string[]> {
  try {
    const entries = await readdir(deckDir, { withFileTypes: true })
    // A README beside the chapters describes the deck; it is not a chapter.
    return entries.filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.') && e.name.toLowerCase() !== 'readme.md').map((e) => e.name)
  } catch (cause) {
    throw unreadable(deckDir, cause)
  }
}

function unreadable(file: string, cause: unknown): DeckError {
  const reason = cause instanceof Error ? `: ${cause.message}` : ''
  return new DeckError(error('file-unreadable', `Could not read ${file}${reason}`, { file, line: 1 }), { cause })
}
