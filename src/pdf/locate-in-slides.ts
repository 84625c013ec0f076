// Pure: the first slide line that names some text (a blocked URL, a script that never ended, an
// image), from the built deck's slide sources; and the warning for a blocked request that the
// print and the pictures share.
import { warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
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

/**
 * The line that wrote an image of the built deck (`src` as in the output): the build moves a
 * slide's pictures, so its Markdown may name another path; else the first line naming `src`.
 */
export function locateImage(slides: readonly Slide[], src: string): SourceSpan | undefined {
  for (const slide of slides) {
    if (slide.generated) continue
    const image = slide.links.find((l) => l.kind === 'image' && l.href === src)
    if (image) return image.span
  }
  return locateInSlides(slides, src)
}

/** A URL outside the output folder that the page was refused, at the slide line that names it, while `doing`. */
export function blockedRequest(slides: readonly Slide[], url: string, doing: string, hint: string): Diagnostic {
  const span = locateInSlides(slides, url)
  const where = span ? '' : ' (no slide names it: the theme or a template asks for it)'
  return warning('request-blocked', `Blocked a request to ${url} while ${doing}${where}`, span, hint)
}
