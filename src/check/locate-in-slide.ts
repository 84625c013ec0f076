// Pure: the source line of something on a slide (an image, a link, a character), from the
// slide's span and the next slide's start in the same file.
import type { SourceSpan } from '../diagnostics/diagnostic.js'
import type { Slide } from '../model.js'

/**
 * The line, within the slide's part of its file, that contains `needle`; the slide's own
 * span when there is no needle or it is not found (e.g. text that came from a template).
 */
export function locateInSlide(slide: Slide, slides: readonly Slide[], sources: ReadonlyMap<string, string>, needle?: string): SourceSpan {
  const text = sources.get(slide.span.file)
  if (!needle || text === undefined || slide.generated) return slide.span
  const lines = text.split('\n')
  const end = nextStart(slide, slides) ?? lines.length + 1
  for (let line = slide.span.line; line < end && line <= lines.length; line++) {
    const column = lines[line - 1]!.indexOf(needle)
    if (column >= 0) return { file: slide.span.file, line, column: column + 1 }
  }
  return slide.span
}

/** First line of the next slide from the same file, if any. */
function nextStart(slide: Slide, slides: readonly Slide[]): number | undefined {
  let best: number | undefined
  for (const other of slides) {
    if (other.generated || other.span.file !== slide.span.file || other.span.line <= slide.span.line) continue
    if (best === undefined || other.span.line < best) best = other.span.line
  }
  return best
}
