// Pure: links written for the tool a chapter came from that name a slide by its position. In
// reveal-md a chapter is the whole deck, so `#/2/1` is its third stack's second slide and `#/` its
// first slide; in Marp `#3` is its third slide. Here the deck opens with generated slides and
// holds other chapters, so each such link becomes a link to the slide's id.
import type { Token, Tokens } from 'marked'
import { childTokens } from './markdown.js'

export interface PositionedSlide {
  readonly id: string
  readonly newStack: boolean
  /** Reveal leaves hidden slides out, so they take no position. */
  readonly hidden: boolean
}

/** `#/h`, `#/h/v` and `#/` (and, for Marp, `#n`) -> `#id` of the chapter's slide there. */
export function positionTargets(slides: readonly PositionedSlide[], dialect: string): Map<string, string> {
  const targets = new Map<string, string>()
  let h = -1
  let v = 0
  slides.filter((s) => !s.hidden).forEach((slide, n) => {
    if (slide.newStack || h < 0) {
      h++
      v = 0
    } else v++
    const id = `#${slide.id}`
    if (v === 0) targets.set(`#/${h}`, id)
    targets.set(`#/${h}/${v}`, id)
    if (n === 0) targets.set('#/', id)
    if (dialect === 'marp') targets.set(`#${n + 1}`, id)
  })
  return targets
}

/** Rewrites the position links among a slide's tokens; other links stay as written. */
export function rewritePositionLinks(tokens: readonly Token[], targets: ReadonlyMap<string, string>): void {
  for (const token of tokens) {
    if (token.type === 'link') {
      const link = token as Tokens.Link
      const href = link.href.trim()
      const target = targets.get(href === '#/' ? href : href.replace(/\/$/, ''))
      if (target) link.href = target
    }
    for (const child of childTokens(token)) rewritePositionLinks(child, targets)
  }
}
