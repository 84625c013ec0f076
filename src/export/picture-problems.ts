// Pure: what went wrong loading the slides print document for the pictures (PNG, the
// PowerPoints), as warnings at the slide line that asked for it, as `pdf` and `check` report them.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { Slide } from '../model.js'
import { blockedRequest as blockedWhile, locateImage } from '../pdf/locate-in-slides.js'

/** A URL outside the output folder that the print server refused. */
export function blockedRequest(slides: readonly Slide[], url: string): Diagnostic {
  return blockedWhile(slides, url, 'taking the pictures', 'Only files inside the output folder are loaded for the pictures; put the file in the deck.')
}

/** An image of the page (its src as in the output) that did not load or decode. */
export function brokenImage(slides: readonly Slide[], src: string): Diagnostic {
  return warning('image-broken', `Image ${src} could not be loaded while taking the pictures`, locateImage(slides, src))
}
