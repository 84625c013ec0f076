// Pure: the first slide line that names some text (a blocked URL, a script that never ended),
// from the built deck's slide sources.
import type { SourceSpan } from '../diagnostics/diagnostic.js'
import type { Slide } from '../model.js'
import { find } from '../slides/locate-in-source.js'

/** Where the first written slide names `text` in its Markdown; undefined when none does. */
export function locateInSlides(slides: readonly Slide[], text: string): SourceSpan | undefined {
  if (!text) return undefined
  for (const slide of slides) {
    if (slide.generated) continue
    const span = find(slide.source, text)
    if (span) return span
  }
  return undefined
}
