/**
 * Print documents mark where each bookmark lands with an empty link to this address plus the
 * bookmark's index: Chromium writes a link annotation on the page it paints it on, at no cost
 * to speak of, and the printer turns those into the PDF outline. (Chromium's own outline needs
 * a tagged PDF, which took a third of the print time.)
 */
export const BOOKMARK_URL = 'https://bookmark.deckhand.invalid/'

/** A bookmark as the print document lists it, in page order. */
export interface Bookmark {
  /** 1 for a chapter, 2 for a slide under it. */
  readonly level: number
  readonly title: string
}
