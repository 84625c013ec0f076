// Pure: what went wrong loading the slides print document for the pictures (PNG, the
// PowerPoints), as warnings at the slide line that asked for it, as `pdf` and `check` report them.
import { warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { Slide } from '../model.js'
import { locateInSlides } from '../pdf/locate-in-slides.js'

/** A URL outside the output folder that the print server refused. */
export function blockedRequest(slides: readonly Slide[], url: string): Diagnostic {
  const span = locateInSlides(slides, url)
  const where = span ? '' : ' (no slide names it: the theme or a template asks for it)'
  return warning('request-blocked', `Blocked a request to ${url} while taking the pictures${where}`, span, 'Only files inside the output folder are loaded for the pictures; put the file in the deck.')
}

/** An image of the page (its src as in the output) that did not load or decode. */
export function brokenImage(slides: readonly Slide[], src: string): Diagnostic {
  return warning('image-broken', `Image ${src} could not be loaded while taking the pictures`, imageLine(slides, src) ?? locateInSlides(slides, src))
}

/** The line that wrote the image: the build moves a slide's pictures, so its Markdown may name another path. */
function imageLine(slides: readonly Slide[], src: string): SourceSpan | undefined {
  for (const slide of slides) {
    if (slide.generated) continue
    const image = slide.links.find((l) => l.kind === 'image' && l.href === src)
    if (image) return image.span
  }
  return undefined
}
