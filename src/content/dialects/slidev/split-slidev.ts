// Pure: a Slidev chapter -> its slides, split as Slidev's own parser splits: a line starting
// `---` outside code and comments ends a slide, and when the next line is not blank it opens
// that slide's front matter, closed by the next `---` line.
import { parseYamlMapping } from '../../../yaml/parse-yaml-mapping.js'
import type { Diagnostic } from '../../../diagnostics/diagnostic.js'

export interface SlidevBlock {
  /** The slide's front matter (the headmatter for the first slide of a chapter). */
  readonly front: Readonly<Record<string, unknown>>
  /** File line of the front matter's first key (the slide's first line when there is none). */
  readonly frontLine: number
  readonly lines: readonly string[]
  /** File line of `lines[0]`. */
  readonly firstLine: number
}

export function splitSlidevBlocks(body: string, bodyLine: number, head: Readonly<Record<string, unknown>>, file: string, diagnostics: Diagnostic[]): SlidevBlock[] {
  const lines = body.split('\n')
  const blocks: SlidevBlock[] = []
  let front: Readonly<Record<string, unknown>> = head
  let frontLine = bodyLine
  let start = 0
  let inComment = false
  const slice = (end: number): void => {
    if (end > start || Object.keys(front).length > 0) blocks.push({ front, frontLine, lines: lines.slice(start, end), firstLine: bodyLine + start })
    front = {}
    frontLine = bodyLine + end
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd()
    if (inComment) {
      inComment = !line.includes('-->')
      continue
    }
    if (line.startsWith('---')) {
      slice(i)
      start = i + 1
      if (line[3] !== '-' && lines[i + 1]?.trim()) {
        let close = i + 1
        while (close < lines.length && lines[close]!.trimEnd() !== '---') close++
        front = readFront(lines.slice(i + 1, close).join('\n'), bodyLine + i + 1, file, diagnostics)
        frontLine = bodyLine + i + 1
        i = close
        start = close + 1
      }
    } else if (line.trimStart().startsWith('```')) {
      const fence = /^\s*`+/.exec(line)![0].trim()
      let close = i + 1
      while (close < lines.length && !lines[close]!.trimStart().startsWith(fence)) close++
      if (close < lines.length) i = close
    } else {
      inComment = opensComment(line)
    }
  }
  slice(lines.length)
  return blocks
}

function readFront(yaml: string, line: number, file: string, diagnostics: Diagnostic[]): Readonly<Record<string, unknown>> {
  const mapping = parseYamlMapping(yaml, file, { lineOffset: line })
  diagnostics.push(...mapping.diagnostics)
  return mapping.value ?? {}
}

/** Whether a line leaves an HTML comment open. */
function opensComment(line: string): boolean {
  let open = false
  for (let at = 0; ; ) {
    const next = open ? line.indexOf('-->', at) : line.indexOf('<!--', at)
    if (next < 0) return open
    open = !open
    at = next + (open ? 4 : 3)
  }
}

/** Slidev's ranges for `src: file.md#2,4-6`: 1-based slide numbers, in order. */
export function parseRange(total: number, range: string | undefined): number[] {
  if (!range?.trim()) return Array.from({ length: total }, (_, i) => i + 1)
  const picked: number[] = []
  for (const part of range.split(',')) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n.trim(), 10))
    if (from === undefined || Number.isNaN(from)) continue
    const last = to === undefined ? from : Number.isNaN(to) ? total : to
    for (let n = from; n <= Math.min(last, total); n++) if (n >= 1) picked.push(n)
  }
  return picked
}
