// The built deck: what one build produced, and the single input of every output — the HTML
// written by the build, exportPdfs (slides.pdf and the handouts), checkDeck, the preview, and
// the exports to come. Outputs read only this: they never re-read chapters or re-parse HTML.
import type { ChapterRef, DeckConfig, DeckHtml, Slide, ThemeStyle } from '../model.js'
import type { OutputFiles } from '../output/write-deck.js'
import type { TemplateSet } from '../render/load-templates.js'

export interface BuiltDeck {
  /** The deck's name (its folder under content/). */
  readonly name: string
  readonly deckDir: string
  /** The deck's output folder (`dist/<deck>`), where `output` was written. */
  readonly outDir: string
  readonly config: DeckConfig
  readonly chapters: readonly ChapterRef[]
  /**
   * Every slide with its structured fields, its print data (handout-only blocks, fragment
   * steps, outline body), its links with their lines, its Markdown and its span.
   */
  readonly slides: readonly Slide[]
  /** index.html, and each slide as its template rendered it. */
  readonly html: DeckHtml
  readonly theme: ThemeStyle
  /** Every template of the deck (slides, partials, the shell, print layouts), after overrides. */
  readonly templates: TemplateSet
  /** What the build wrote into `outDir`: text files and copied assets, by path in the folder. */
  readonly output: OutputFiles
  /** Every file the build read, for watchers. */
  readonly inputs: readonly string[]
  /** Diagrams this build drew in the browser; 0 when every one came from a cache. */
  readonly drawnDiagrams: number
}
