// Pure: the text of one chapter file -> Chapter (front matter, slides with their source lines).
import { error, warning, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, SlideSource } from '../model.js'
import { checkNesting } from './check-nesting.js'
import { fencedLines } from './code-fences.js'
import type { RawSlide } from './dialects/raw-slide.js'
import { splitForDialect, type ChapterSources } from './dialects/split-dialect.js'
import { splitFrontMatter, type FrontMatterOptions } from './parse-front-matter.js'

// The separators reveal-md and the Reveal.js Markdown plugin use, so their decks build unchanged;
// `<!--s-->` and `<!--v-->` are the ones reveal-md's README and demo decks configure.
const SLIDE_SEPARATOR = /^(---|<!--s-->)\s*$/
const VERTICAL_SEPARATOR = /^(----|<!--v-->)\s*$/
const NOTES_START = /^\s*notes?:/i
const TEMPLATE_COMMENT = /<!--\s*template:\s*([\w-]+)\s*-->/
const SLIDE_COMMENT_OPEN = /<!--\s*\.slide:/
const BLOCK_OPEN = /^:::\s*([\w-]+)\s*$/
const BLOCK_CLOSE = /^:::\s*$/

/**
 * Splits a chapter into slides, keeping for each the line it starts on. `sources` holds the files
 * a Slidev chapter imports (`src:`); the chapter lists in `imports` every file it asked for.
 */
export function parseChapter(file: string, text: string, name = baseName(file), sources: ChapterSources = new Map(), options: FrontMatterOptions = {}): StageResult<Chapter> {
  const front = splitFrontMatter(text, file, options)
  const diagnostics: Diagnostic[] = [...front.diagnostics]
  const slides: SlideSource[] = []
  const split = splitForDialect({ ...front, dialect: front.meta.dialect }, file, sources, diagnostics)
  const notesStart = notesPattern(front.separators.notesSeparator)
  for (const raw of split?.slides ?? splitSlides(front.body, front.bodyLine)) {
    const slide = readSlide(raw, raw.file ?? file, diagnostics, notesStart)
    if (slide) slides.push(slide)
  }
  return { value: { file, name, meta: front.meta, slides, imports: split?.imports ?? [] }, diagnostics }
}

/** reveal-md's `notesSeparator` is a regular expression tried on each line, as the plugin does. */
function notesPattern(source: string): RegExp {
  return source ? new RegExp(source, 'i') : NOTES_START
}

function splitSlides(body: string, bodyLine: number): RawSlide[] {
  const slides: RawSlide[] = []
  let current: { lines: string[]; firstLine: number; newStack: boolean } = { lines: [], firstLine: bodyLine, newStack: true }
  const lines = body.split('\n')
  const fenced = fencedLines(lines)
  lines.forEach((line, i) => {
    const separator = !fenced[i] && (SLIDE_SEPARATOR.test(line) || VERTICAL_SEPARATOR.test(line))
    if (!separator) {
      current.lines.push(line)
      return
    }
    slides.push(current)
    current = { lines: [], firstLine: bodyLine + i + 1, newStack: SLIDE_SEPARATOR.test(line) }
  })
  slides.push(current)
  return slides
}

function readSlide(raw: RawSlide, file: string, diagnostics: Diagnostic[], notesStart: RegExp): SlideSource | null {
  const preset = raw.preset
  const notesAt = preset ? -1 : findNotesLine(raw.lines, notesStart)
  const contentLines = notesAt === -1 ? raw.lines : raw.lines.slice(0, notesAt)
  const notes = preset ? (preset.notes ?? '') : notesAt === -1 ? '' : raw.lines.slice(notesAt).join('\n').replace(notesStart, '').trim()
  let markdown = contentLines.join('\n')
  // Marp and Slidev keep an empty slide between two separators; deckhand's own dialect drops it.
  if (!markdown.trim() && !notes && !preset) return null

  const lead = countLeadingBlankLines(contentLines)
  const line = raw.firstLine + (lead < contentLines.length ? lead : 0)
  const span = { file, line, endLine: Math.max(line, raw.firstLine + lastFilledLine(raw.lines)) }
  let template = preset?.template ?? ''
  let templateSpan = preset?.templateSpan
  const templateMatch = TEMPLATE_COMMENT.exec(markdown)
  if (templateMatch) {
    template = templateMatch[1]!
    templateSpan = { file, line: raw.firstLine + lineOf(markdown, templateMatch.index) }
    markdown = markdown.replace(TEMPLATE_COMMENT, '')
  }
  let attributes = preset?.attributes ?? ''
  const slideMatch = findSlideComment(markdown)
  if (slideMatch) {
    attributes = [attributes, slideMatch.attributes].filter(Boolean).join(' ')
    markdown = markdown.slice(0, slideMatch.index) + markdown.slice(slideMatch.end)
    const named = /data-template=["']?([\w-]+)["']?/.exec(attributes)
    if (named && !template) {
      template = named[1]!
      templateSpan = { file, line: raw.firstLine + lineOf(contentLines.join('\n'), slideMatch.index) }
    }
  }
  const containerDepth = checkBlocks(contentLines, raw.firstLine, file, diagnostics)
  const deep = checkNesting(raw.lines, containerDepth, raw.firstLine, file)
  if (deep) {
    diagnostics.push(deep)
    return null
  }
  if (!markdown.trim() && notes && !preset) {
    diagnostics.push(warning('slide-empty', 'Slide has speaker notes but no content', span))
  }
  // Comments were removed in place, so line offsets inside the markdown still match the file.
  const strippedLines = countLeadingNewlines(markdown)
  return {
    markdown: markdown.slice(strippedLines),
    markdownLine: raw.firstLine + strippedLines,
    notes,
    notesLine: preset ? (preset.notesLine ?? 0) : notesAt === -1 ? 0 : raw.firstLine + notesAt,
    template,
    ...(templateSpan && { templateSpan }),
    attributes,
    newStack: raw.newStack,
    span,
    ...preset?.extras,
  }
}

/** The first `<!-- .slide: … -->`; found with indexOf, since a lazy `[\s\S]*?-->` rescans to the end from every opening. */
function findSlideComment(markdown: string): { index: number; end: number; attributes: string } | undefined {
  const open = SLIDE_COMMENT_OPEN.exec(markdown)
  if (!open) return undefined
  const close = markdown.indexOf('-->', open.index + open[0].length)
  if (close === -1) return undefined
  return { index: open.index, end: close + 3, attributes: markdown.slice(open.index + open[0].length, close).trim() }
}

function findNotesLine(lines: readonly string[], notesStart: RegExp): number {
  const fenced = fencedLines(lines)
  return lines.findIndex((line, i) => !fenced[i] && notesStart.test(line))
}

/** `:::name` blocks must be closed inside the slide that opens them. Returns how many are open at each line. */
function checkBlocks(lines: readonly string[], firstLine: number, file: string, diagnostics: Diagnostic[]): number[] {
  const open: number[] = []
  const depth: number[] = []
  const fenced = fencedLines(lines)
  lines.forEach((line, i) => {
    depth.push(open.length)
    if (fenced[i]) return
    if (BLOCK_OPEN.test(line)) open.push(i)
    else if (BLOCK_CLOSE.test(line) && open.pop() === undefined) {
      diagnostics.push(error('unclosed-block', 'A `:::` closes a block that was never opened', { file, line: firstLine + i }))
    }
  })
  for (const i of open) {
    const name = BLOCK_OPEN.exec(lines[i]!)![1]
    diagnostics.push(
      error('unclosed-block', `Block \`:::${name}\` is not closed before the end of the slide`, { file, line: firstLine + i }, 'End it with a line holding only `:::`.'),
    )
  }
  return depth
}

function countLeadingBlankLines(lines: readonly string[]): number {
  let n = 0
  while (n < lines.length && !lines[n]!.trim()) n++
  return n
}

function lastFilledLine(lines: readonly string[]): number {
  let n = lines.length - 1
  while (n > 0 && !lines[n]!.trim()) n--
  return n
}

function countLeadingNewlines(markdown: string): number {
  return /^\n*/.exec(markdown)![0].length
}

function lineOf(text: string, index: number): number {
  let line = 0
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function baseName(file: string): string {
  return file.slice(file.replace(/\\/g, '/').lastIndexOf('/') + 1)
}
