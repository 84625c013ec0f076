// Pure: the splitter a chapter's dialect needs; deckhand's own `---` lines serve the rest.
import type { Diagnostic } from '../../diagnostics/diagnostic.js'
import type { ChapterDialect } from '../../model.js'
import { splitMarp } from './marp/marp-slides.js'
import type { RawSlide } from './raw-slide.js'
import type { Separators } from './read-dialect-settings.js'
import { splitSlidev, type ChapterSources } from './slidev/slidev-slides.js'
import { splitByPattern } from './split-by-pattern.js'

export type { ChapterSources } from './slidev/slidev-slides.js'

export interface DialectInput {
  readonly dialect: ChapterDialect
  readonly separators: Separators
  readonly head: Readonly<Record<string, unknown>>
  readonly body: string
  readonly bodyLine: number
}

/** Slides split the dialect's way, and the files it imports; undefined for deckhand's own split. */
export function splitForDialect(input: DialectInput, file: string, sources: ChapterSources, diagnostics: Diagnostic[]): { slides: RawSlide[]; imports: readonly string[] } | undefined {
  const { body, bodyLine, head } = input
  switch (input.dialect.name) {
    case 'marp':
      return { slides: splitMarp(body, bodyLine, head, file, diagnostics), imports: [] }
    case 'slidev':
      return splitSlidev(body, bodyLine, head, file, sources, diagnostics)
    case 'reveal-md':
      return input.separators.separator || input.separators.verticalSeparator ? { slides: splitByPattern(body, bodyLine, input.separators), imports: [] } : undefined
    default:
      return undefined
  }
}
