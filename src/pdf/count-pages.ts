// Pure: how many pages a PDF as Chromium writes it has. Page dictionaries are never in compressed
// streams there, but the bookmarks and metadata are appended as incremental updates that write
// page objects again: each object number counts once (296 slides were once told as 592 pages).
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const starts: number[] = []
  const ids: string[] = []
  for (const m of text.matchAll(/(?<![\d ])(\d+) \d+ obj\b/g)) {
    starts.push(m.index)
    ids.push(m[1]!)
  }
  const pages = new Set<string>()
  for (const m of text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)) {
    const at = lastBefore(starts, m.index)
    pages.add(at < 0 ? `@${m.index}` : ids[at]!)
  }
  return pages.size
}

/** The index of the last of the sorted `starts` before `offset`, or -1. */
function lastBefore(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! < offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
