// Pure: reveal-md's `separator` and `verticalSeparator` front matter, applied as the Reveal.js
// Markdown plugin applies them: regular expressions over the chapter's text, not whole lines.
import { fencedLines } from '../code-fences.js'
import type { RawSlide } from './raw-slide.js'
import type { Separators } from './read-dialect-settings.js'
import { lineOf, lineStarts } from './text-ranges.js'

// reveal-md's defaults, for the one of the two a chapter leaves out.
const DEFAULT_SEPARATOR = '\\r?\\n---\\r?\\n'
const DEFAULT_VERTICAL = '\\r?\\n----\\r?\\n'

/**
 * Splits `body` wherever either pattern matches outside a code fence; a match of the vertical
 * pattern stacks the next slide under the previous one, as the plugin's slidify does.
 */
export function splitByPattern(body: string, bodyLine: number, separators: Separators): RawSlide[] {
  const horizontal = separators.separator || DEFAULT_SEPARATOR
  const vertical = separators.verticalSeparator || DEFAULT_VERTICAL
  const either = new RegExp(`(?:${horizontal})|(?:${vertical})`, 'gm')
  // Tested on the match alone and unanchored, as the plugin tests it.
  const isHorizontal = new RegExp(horizontal)
  const lines = body.split('\n')
  const starts = lineStarts(lines)
  const fenced = fencedLines(lines)
  const slides: RawSlide[] = []
  let from = 0
  let newStack = true
  for (let m = either.exec(body); m; m = either.exec(body)) {
    if (m[0] === '') {
      either.lastIndex++ // a pattern that matches nothing would never move on
      continue
    }
    if (fenced[lineOf(starts, m.index)]) continue
    slides.push(slideOf(body, from, m.index, starts, bodyLine, newStack))
    newStack = isHorizontal.test(m[0])
    from = m.index + m[0].length
  }
  slides.push(slideOf(body, from, body.length, starts, bodyLine, newStack))
  return slides
}

function slideOf(body: string, from: number, to: number, starts: readonly number[], bodyLine: number, newStack: boolean): RawSlide {
  return { lines: body.slice(from, to).split('\n'), firstLine: bodyLine + lineOf(starts, from), newStack }
}
