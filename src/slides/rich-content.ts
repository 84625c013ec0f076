// Pure: what a slide's tokens need between lexing and rendering — emoji shortcodes replaced,
// formulas typeset, diagrams collected — and the filling-in of typeset formulas afterwards.
import type { Token } from 'marked'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { collectDiagrams, type DiagramRequest } from '../diagrams/collect-diagrams.js'
import { replaceShortcodesInTokens, type EmojiTable } from '../emoji/emoji-shortcodes.js'
import { typesetMath } from '../math/typeset-math.js'
import type { DeckConfig } from '../model.js'
import { fillIslands } from './islands.js'
import type { SlideOrigin } from '../model.js'

export interface RichContent {
  /** Typeset formulas by placeholder key. */
  readonly islands: Map<string, string>
  /** Every diagram of the deck, in order (drawn after the theme is loaded). */
  readonly diagrams: DiagramRequest[]
  prepare(tokens: readonly Token[], origin: SlideOrigin, diagnostics: Diagnostic[]): void
  /** Puts the typeset formulas in place; diagram placeholders stay for the build to fill. */
  fill(html: string): string
}

export function createRichContent(deck: Pick<DeckConfig, 'math'>, emoji?: EmojiTable): RichContent {
  const islands = new Map<string, string>()
  const diagrams: DiagramRequest[] = []
  return {
    islands,
    diagrams,
    prepare(tokens, origin, diagnostics) {
      if (emoji) replaceShortcodesInTokens(tokens, emoji)
      typesetMath(tokens, { origin, macros: deck.math.macros, islands, diagnostics })
      collectDiagrams(tokens, origin, diagrams)
    },
    fill: (html) => fillIslands(html, islands),
  }
}
