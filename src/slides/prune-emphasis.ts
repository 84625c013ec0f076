// Pure: whether marked's scan for the closer of an emphasis (`*`, `_`) or strikethrough (`~`)
// opener can succeed at all. marked walks every later delimiter run from each opener, so a
// paragraph of openers with one closer at its end (`*x *x … x*`) takes the square of its length.
//
// The runs after an opener are summed the way marked sums them (an opening run adds its length,
// a closing run subtracts it; success is the sum reaching zero at a closer), but erring towards
// success: every run marked could close with counts as closing, a run it would skip counts as
// nothing, only runs that open in every reading add. When even that sum never reaches zero the
// scan cannot succeed, and the opener is text without it. Otherwise marked scans as usual.

interface RunTable {
  /** Start offset of each run of the delimiter, in order. */
  readonly starts: Int32Array
  /** What each run adds to the sum: + opens, − may close, 0 is skipped. */
  readonly adds: Int32Array
  /** Prefix sums of `adds` (`sums[k]` = adds[0..k]). */
  readonly sums: Float64Array
  /** The least `sums[j]` over closing runs j >= k; Infinity when none follows. */
  readonly leastAhead: Float64Array
}

const tables = new Map<string, Map<string, RunTable>>()
const MAX_TABLES = 64

/**
 * True when the opener at the head of `src` (a suffix of `maskedSrc`, marked's masked paragraph)
 * can find no closer. Only for `*`, `_` and `~`; anything else is left to marked (false).
 */
export function emphasisHopeless(src: string, maskedSrc: string, delimiters: string): boolean {
  const delimiter = src[0]
  if (delimiter === undefined || !delimiters.includes(delimiter)) return false
  let length = 0
  while (src[length] === delimiter) length++
  if (delimiter === '~' && length > 2) return false
  const table = tableFor(maskedSrc, delimiter, delimiter === '~' ? length : 0)
  const scanFrom = maskedSrc.length - src.length + length
  const first = firstRunAt(table.starts, scanFrom)
  if (first === table.starts.length) return true
  // The first run after the opener may be skipped by marked (a lone `*` inside `__…__`): never count it as opening.
  const before = (first > 0 ? table.sums[first - 1]! : 0) + Math.max(table.adds[first]!, 0)
  return length + table.leastAhead[first]! - before > 0
}

/** `sameLength`: strikethrough pairs only runs of the opener's length (0 for emphasis). */
function tableFor(masked: string, delimiter: string, sameLength: number): RunTable {
  const key = `${delimiter}${sameLength}`
  let byKey = tables.get(masked)
  if (byKey) {
    tables.delete(masked)
    tables.set(masked, byKey)
  } else {
    byKey = new Map()
    tables.set(masked, byKey)
    if (tables.size > MAX_TABLES) tables.delete(tables.keys().next().value!)
  }
  let table = byKey.get(key)
  if (!table) byKey.set(key, (table = buildTable(masked, delimiter, sameLength)))
  return table
}

function buildTable(masked: string, delimiter: string, sameLength: number): RunTable {
  const starts: number[] = []
  const adds: number[] = []
  const closing: boolean[] = []
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] !== delimiter) continue
    let end = i
    while (masked[end] === delimiter) end++
    const run = end - i
    const afterSpace = i === 0 || /\s/.test(masked[i - 1]!)
    const beforeText = end < masked.length && !/\s/.test(masked[end]!)
    const counted = sameLength === 0 || run === sameLength
    starts.push(i)
    // Every closing form marked knows needs a non-space before the run; every opening form after a space, text after it.
    adds.push(!counted ? 0 : afterSpace ? (beforeText ? run : 0) : -run)
    closing.push(counted && !afterSpace)
    i = end - 1
  }
  const sums = new Float64Array(adds.length)
  adds.forEach((add, k) => (sums[k] = (k > 0 ? sums[k - 1]! : 0) + add))
  const leastAhead = new Float64Array(adds.length)
  for (let k = adds.length - 1, least = Number.POSITIVE_INFINITY; k >= 0; k--) {
    if (closing[k]) least = Math.min(least, sums[k]!)
    leastAhead[k] = least
  }
  return { starts: Int32Array.from(starts), adds: Int32Array.from(adds), sums, leastAhead }
}

/** Index of the first run starting at or after `offset`. */
function firstRunAt(starts: Int32Array, offset: number): number {
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (starts[mid]! < offset) low = mid + 1
    else high = mid
  }
  return low
}
