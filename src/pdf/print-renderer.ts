// Pure: renders any print product's document from a built deck, with the print partials
// compiled once; what the printer prints and the preview server shows.
import type { Paper } from '../model.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { renderPrintDocument, type PrintProduct } from '../print/render-print-document.js'
import { printPartials } from '../render/load-templates.js'
import { compilePartials } from '../render/template-engine.js'

/** The deck's own stylesheets, in the deck's order (the theme wins); Reveal's CSS is left out on paper. */
export const DECK_STYLESHEETS: readonly string[] = ['deck.css', 'theme.css', 'math.css']

/** A renderer for the built deck's print documents (without the print runtime). */
export function printRenderer(built: BuiltDeck, paper: Paper, fragments: boolean): (product: PrintProduct) => string {
  const partials = compilePartials(printPartials(built.templates))
  const stylesheets = DECK_STYLESHEETS.filter((f) => f in built.output.files)
  const input = { deck: built.config, slides: built.html.slides, chapters: built.chapters, theme: built.theme, templates: built.templates, paper, fragments, stylesheets }
  return (product) => renderPrintDocument({ ...input, product }, partials)
}
