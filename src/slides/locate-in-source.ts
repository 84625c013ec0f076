import type { SourceSpan } from '../diagnostics/diagnostic.js'

/** Where a slide's Markdown starts in its file, so a piece of it can be turned back into a line. */
export interface SlideOrigin {
  readonly file: string
  readonly markdown: string
  readonly markdownLine: number
}

/** The span of the first place `needle` occurs in the slide's Markdown (the slide's first line if absent). */
export function locate(origin: SlideOrigin, needle: string): SourceSpan {
  const index = needle ? origin.markdown.indexOf(needle) : -1
  if (index < 0) return { file: origin.file, line: origin.markdownLine }
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
