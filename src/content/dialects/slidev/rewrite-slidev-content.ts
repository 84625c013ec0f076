// Pure: the body of one Slidev slide in deckhand's Markdown. Slots (`::right::`) become columns,
// Vue markup is rewritten, and what only Slidev can run (snippet imports, Monaco editors, magic
// move) is reported where it stands. Lines keep their places, so spans still match the file.
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js'
import { fencedLines } from '../../code-fences.js'
import { rewriteVueMarkup } from './rewrite-vue-markup.js'

const SLOT = /^::\s*([\w-]+)\s*::\s*$/
const SNIPPET = /^<<<\s+\S+/
const HEADING = /^ {0,3}#{1,6}\s/

export function rewriteSlidevContent(text: string, firstLine: number, file: string, columns: boolean, diagnostics: Diagnostic[]): string {
  let lines = rewriteVueMarkup(text, firstLine, file, diagnostics).split('\n')
  const fenced = fencedLines(lines)
  lines = lines.map((line, i) => {
    if (fenced[i]) return line
    if (SNIPPET.test(line)) {
      diagnostics.push(warning('foreign-syntax', 'A `<<<` snippet import was left out: paste the code into a fenced block', { file, line: firstLine + i }))
      return ''
    }
    return line
  })
  reportSlidevFences(lines, firstLine, file, diagnostics)
  return (columns ? slotsAsColumns(lines) : lines.map((l, i) => (!fenced[i] && SLOT.test(l) ? '' : l))).join('\n')
}

/** Fences whose info string asks for something Slidev runs: they show as plain code here. */
function reportSlidevFences(lines: readonly string[], firstLine: number, file: string, diagnostics: Diagnostic[]): void {
  const fenced = fencedLines(lines)
  lines.forEach((line, i) => {
    if (!fenced[i] || (i > 0 && fenced[i - 1])) return
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)
    const info = fence ? line.slice(fence[0].length).trimStart() : ''
    const what = /magic-move/.test(info) ? 'magic move' : /\{monaco/.test(info) ? 'a Monaco editor' : ''
    if (what) diagnostics.push(warning('foreign-syntax', `This code block is ${what} in Slidev; it shows as plain code here`, { file, line: firstLine + i }))
  })
}

/**
 * `two-cols`: what stands before `::right::` is the left column, what follows the right one.
 * A leading heading stays above both, as the slide's title.
 */
function slotsAsColumns(lines: string[]): string[] {
  const fenced = fencedLines(lines)
  const right = lines.findIndex((l, i) => !fenced[i] && SLOT.test(l) && SLOT.exec(l)![1] === 'right')
  if (right < 0) return lines
  const out = lines.map((l, i) => (!fenced[i] && SLOT.test(l) ? (i === right ? '|||' : '') : l))
  const first = out.findIndex((l) => l.trim())
  const open = HEADING.test(out[first] ?? '') ? first + 1 : first
  // Where a blank line already stands the opening takes its place; otherwise one line is added.
  if (out[open] !== undefined && !out[open]!.trim()) out[open] = ':::columns'
  else out.splice(open, 0, ':::columns')
  out.push(':::')
  return out
}
