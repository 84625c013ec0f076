// Pure: where a block extension may start inside the paragraph at the head of the text.

/**
 * The first line start, up to the first blank line, where `opens` matches (a sticky pattern
 * tried at each line start). Only that far: a paragraph never runs past a blank line, and
 * marked asks again before every paragraph, so searching the whole rest each time made a long
 * chapter quadratic.
 */
export function startInParagraph(src: string, opens: RegExp): number | undefined {
  for (let at = 0; at < src.length; ) {
    opens.lastIndex = at
    if (opens.test(src)) return at
    const newline = src.indexOf('\n', at)
    if (newline === -1) return undefined
    at = newline + 1
    if (isBlankLineAt(src, at)) return undefined
  }
  return undefined
}

/** Empty or spaces only: what ends a paragraph for marked (a line of tabs does not). */
function isBlankLineAt(src: string, at: number): boolean {
  for (let i = at; i < src.length; i++) {
    const c = src.charCodeAt(i)
    if (c === 10) return true
    if (c !== 32) return false
  }
  return true
}
