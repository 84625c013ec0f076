// Pure: how deeply a slide's blocks sit inside each other. Markdown nests by recursion (and a
// nested list costs more the deeper it is), so a structure deeper than any slide needs is an
// error at its line instead of a stalled build or "Maximum call stack size exceeded".
import { error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { fenceTracker } from './code-fences.js'

/** Blockquotes, list levels and `:::` blocks inside each other, at most. */
export const MAX_NESTING = 32

/**
 * The first line nested deeper than MAX_NESTING, as an error; lines of fenced code are text.
 * `containerDepth` gives the `:::` blocks open at each line.
 */
export function checkNesting(lines: readonly string[], containerDepth: readonly number[], firstLine: number, file: string): Diagnostic | undefined {
  const fenced = fenceTracker()
  for (const [i, line] of lines.entries()) {
    if (fenced(line)) continue
    const depth = lineDepth(line) + (containerDepth[i] ?? 0)
    if (depth > MAX_NESTING) {
      return error('too-deeply-nested', `This line is nested ${depth} levels deep (blockquotes, lists and ::: blocks); at most ${MAX_NESTING} are built`, { file, line: firstLine + i }, 'Flatten the structure: no slide needs it this deep.')
    }
  }
  return undefined
}

/**
 * Levels a line opens at its start: each `>` and each bullet, plus its indentation at two columns
 * a level (the least a nested list item needs). Generous on purpose: it only has to stay below
 * the limit for any real slide and above the real depth for any deep one.
 */
export function lineDepth(line: string): number {
  let depth = 0
  let column = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === ' ') column++
    else if (c === '\t') column += 4 - (column % 4)
    else if (c === '>') depth++
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) depth++
    else break
  }
  return depth + Math.floor(column / 2)
}
