// Pure: a Slidev chapter -> deckhand's raw slides. Each slide's front matter sets its layout and
// attributes, `src:` pulls in slides of another file of the deck, the last comment is the notes,
// and the Vue markup is rewritten (see rewrite-vue-markup.ts).
import path from 'node:path'
import { error, warning, type Diagnostic } from '../../../diagnostics/diagnostic.js'
import { isSameOrInside } from '../../../project/path-inside.js'
import { foreignKeyList } from '../foreign-keys.js'
import type { RawSlide } from '../raw-slide.js'
import { findComments } from '../text-ranges.js'
import { rewriteSlidevContent } from './rewrite-slidev-content.js'
import { SLIDE_KEYS, slidevPreset } from './slidev-layouts.js'
import { parseRange, splitSlidevBlocks, type SlidevBlock } from './split-slidev.js'

/** Files a chapter imports, read by the caller: absolute path -> text, or why it could not be read. */
export type ChapterSources = ReadonlyMap<string, string | { readonly unread: 'missing' | 'outside' }>

export interface SlidevSplit {
  readonly slides: RawSlide[]
  /** Every file the chapter imports (read or still to be read), absolute. */
  readonly imports: readonly string[]
}

const MAX_DEPTH = 8

export function splitSlidev(body: string, bodyLine: number, head: Readonly<Record<string, unknown>>, file: string, sources: ChapterSources, diagnostics: Diagnostic[]): SlidevSplit {
  const state = { slides: [] as RawSlide[], imports: [] as string[], foreign: new Set<string>(), root: path.dirname(file), sources, diagnostics }
  // The headmatter configured the deck; only its slide keys also describe the first slide.
  // Slidev opens a deck with the cover layout unless the headmatter names another.
  const firstFront = { layout: 'cover', ...Object.fromEntries(Object.entries(head).filter(([k]) => SLIDE_KEYS.has(k))) }
  addBlocks(splitSlidevBlocks(body, bodyLine, firstFront, file, diagnostics), file, {}, [file], state)
  if (state.foreign.size) {
    diagnostics.push(warning('foreign-keys', `Slide front matter keys with no meaning in deckhand were ignored: ${foreignKeyList([...state.foreign])}`, { file, line: bodyLine }, 'Slidev passes them to its layouts and components, which deckhand does not run.'))
  }
  return { slides: state.slides, imports: state.imports }
}

interface State {
  readonly slides: RawSlide[]
  readonly imports: string[]
  readonly foreign: Set<string>
  readonly root: string
  readonly sources: ChapterSources
  readonly diagnostics: Diagnostic[]
}

function addBlocks(blocks: readonly SlidevBlock[], file: string, override: Readonly<Record<string, unknown>>, chain: readonly string[], state: State): void {
  for (const block of blocks) {
    const front = { ...block.front, ...override }
    if (front.hide === true || front.disabled === true) continue
    if (typeof block.front.src === 'string') addImport(block, file, front, chain, state)
    else state.slides.push(slideOf(block, file, front, state))
  }
}

/** `src: ./pages/more.md#2-3`: those slides of that file, with this block's keys over theirs. */
function addImport(block: SlidevBlock, file: string, front: Record<string, unknown>, chain: readonly string[], state: State): void {
  const [rawPath = '', range] = String(block.front.src).split('#')
  const target = rawPath.startsWith('/') ? path.join(state.root, rawPath.slice(1)) : path.resolve(path.dirname(file), rawPath)
  const span = { file, line: block.frontLine }
  if (!isSameOrInside(target, state.root)) {
    state.diagnostics.push(error('import-outside-deck', `\`src: ${rawPath}\` points outside the deck folder`, span, 'Imported slides must live in the deck folder, next to the chapter or below it.'))
    return
  }
  if (chain.includes(target) || chain.length > MAX_DEPTH) {
    state.diagnostics.push(error('import-not-found', `\`src: ${rawPath}\` imports itself (through ${chain.map((c) => path.basename(c)).join(' -> ')})`, span))
    return
  }
  state.imports.push(target)
  const text = state.sources.get(target)
  if (text === undefined) return // read by the caller, which parses the chapter again
  if (typeof text !== 'string') {
    const [code, why] = text.unread === 'outside' ? (['import-outside-deck', 'leads outside the deck folder'] as const) : (['import-not-found', 'names no file'] as const)
    state.diagnostics.push(error(code, `\`src: ${rawPath}\` ${why}`, span, 'Imported slides must be Markdown files in the deck folder.'))
    return
  }
  const { src: _src, ...override } = front
  const blocks = splitSlidevBlocks(text, 1, {}, target, state.diagnostics)
  const picked = parseRange(blocks.length, range).map((n) => blocks[n - 1]!)
  addBlocks(picked, target, override, [...chain, target], state)
}

function slideOf(block: SlidevBlock, file: string, front: Readonly<Record<string, unknown>>, state: State): RawSlide {
  for (const key of Object.keys(front)) if (!SLIDE_KEYS.has(key)) state.foreign.add(key)
  const span = { file, line: block.frontLine }
  const preset = slidevPreset(front, span, state.diagnostics)
  const text = rewriteSlidevContent(block.lines.join('\n'), block.firstLine, file, preset.template === 'two-column', state.diagnostics)
  const { lines, notes, notesLine } = lastCommentAsNotes(text, block.firstLine)
  return { lines, firstLine: block.firstLine, newStack: true, file, preset: { ...preset, ...(notes && { notes, notesLine }) } }
}

/** Slidev's rule: the slide's last comment is its notes when nothing but blank space follows it. */
function lastCommentAsNotes(text: string, firstLine: number): { lines: string[]; notes: string; notesLine: number } {
  const last = findComments(text).at(-1)
  if (!last || text.slice(last.index + last.length).trim()) return { lines: text.split('\n'), notes: '', notesLine: 0 }
  const kept = text.slice(0, last.index) + text.slice(last.index, last.index + last.length).replace(/[^\n]/g, '')
  return { lines: kept.split('\n'), notes: last.content, notesLine: firstLine + last.line }
}
