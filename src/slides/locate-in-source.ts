import type { SourceSpan } from '../diagnostics/diagnostic.js'
import type { SlideOrigin } from '../model.js'

/** The span of the first place `needle` occurs in the slide's Markdown (the slide's first line if absent). */
export function locate(origin: SlideOrigin, needle: string): SourceSpan {
  return find(origin, needle) ?? { file: origin.file, line: origin.markdownLine }
}

/** The span of the first place `needle` occurs in the slide's Markdown, if it does. */
export function find(origin: SlideOrigin, needle: string): SourceSpan | undefined {
  const index = needle ? origin.markdown.indexOf(needle) : -1
  if (index < 0) return undefined
  return spanAt(origin, index)
}

/** The file line and column of an offset into the slide's Markdown. */
export function spanAt(origin: SlideOrigin, index: number): SourceSpan {
  let line = origin.markdownLine
  let lineStart = 0
  for (let i = 0; i < index; i++) {
    if (origin.markdown.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { file: origin.file, line, column: index - lineStart + 1 }
}
