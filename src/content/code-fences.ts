// Pure: which lines of Markdown sit in fenced code blocks, where separators and directives
// written by the author are only text.

const FENCE = /^\s{0,3}(`{3,}|~{3,})/

/**
 * For each line, whether it belongs to a fenced code block, fence lines included. A fence
 * closes as CommonMark closes it: the same character, at least as long, nothing after it.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  return lines.map(fenceTracker())
}

/** The same, one line at a time, for scans that stop early: feed lines in order. */
export function fenceTracker(): (line: string) => boolean {
  let fence: string | null = null
  return (line) => {
    const marker = FENCE.exec(line)?.[1]
    if (fence === null) {
      if (marker) fence = marker
      return fence !== null
    }
    if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
    return true
  }
}
