// Pure: finding HTML comments in a slide's Markdown (outside code) and cutting pieces out of the
// text while keeping its line breaks, so every later line number still matches the file.
import { fencedLines } from '../code-fences.js'

export interface TextRange {
  readonly index: number
  readonly length: number
}

export interface CommentRange extends TextRange {
  /** The text between `<!--` and `-->`, trimmed. */
  readonly content: string
  /** 0-based line of the text where the comment starts. */
  readonly line: number
  /** The comment is alone on its lines (not inside a paragraph or heading). */
  readonly block: boolean
}

/** Every `<!-- … -->` outside fenced code and inline code spans, in order. */
export function findComments(text: string): CommentRange[] {
  const lines = text.split('\n')
  const fenced = fencedLines(lines)
  const starts = lineStarts(lines)
  const found: CommentRange[] = []
  let from = 0
  for (let at = text.indexOf('<!--', from); at >= 0; at = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', at + 4)
    const end = close < 0 ? text.length : close + 3
    from = end
    const line = lineOf(starts, at)
    if (fenced[line] || insideCodeSpan(lines[line]!, at - starts[line]!)) continue
    const before = text.slice(starts[line]!, at)
    const afterEnd = text.indexOf('\n', end)
    const after = text.slice(end, afterEnd < 0 ? text.length : afterEnd)
    found.push({ index: at, length: end - at, content: text.slice(at + 4, close < 0 ? text.length : close).trim(), line, block: !before.trim() && !after.trim() })
  }
  return found
}

/** The text with each range replaced by the line breaks it held. */
export function cutRanges(text: string, ranges: readonly TextRange[]): string {
  let out = ''
  let at = 0
  for (const range of [...ranges].sort((a, b) => a.index - b.index)) {
    if (range.index < at) continue
    out += text.slice(at, range.index) + text.slice(range.index, range.index + range.length).replace(/[^\n]/g, '')
    at = range.index + range.length
  }
  return out + text.slice(at)
}

export function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length + 1
  }
  return starts
}

/** 0-based line holding `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Whether column `col` of a line lies inside a `code span` (an odd number of backtick runs before it). */
export function insideCodeSpan(line: string, col: number): boolean {
  const runs = line.slice(0, col).match(/`+/g)
  return runs !== null && runs.length % 2 === 1
}
