// Pure: the diagrams of a slide, each with the line of its opening fence, so a syntax error the
// parser finds inside the fence can be reported at the Markdown line it is on.
import { createHash } from 'node:crypto'
import type { Token } from 'marked'
import type { SourceSpan } from '../diagnostics/diagnostic.js'
import { childTokens } from '../slides/markdown.js'
import type { SlideOrigin } from '../model.js'
import { locate } from '../slides/locate-in-source.js'
import type { DiagramToken } from './diagram-syntax.js'

export interface DiagramRequest {
  /** The placeholder's key: the same source gets the same key (and is drawn once). */
  readonly key: string
  readonly source: string
  /** The opening fence; the source's first line is the line after it. */
  readonly span: SourceSpan
}

export function diagramKey(source: string): string {
  return `diagram-${createHash('sha256').update(source).digest('hex').slice(0, 16)}`
}

/** Gives every diagram token its key and adds a request for it to `out`. */
export function collectDiagrams(tokens: readonly Token[], origin: SlideOrigin, out: DiagramRequest[]): void {
  for (const token of tokens) {
    if (token.type === 'dhDiagram') {
      const diagram = token as unknown as DiagramToken
      diagram.key = diagramKey(diagram.source)
      const span = locate(origin, diagram.raw.split('\n', 1)[0]!)
      out.push({ key: diagram.key, source: diagram.source, span: { file: span.file, line: span.line } })
    }
    for (const child of childTokens(token)) collectDiagrams(child, origin, out)
  }
}
