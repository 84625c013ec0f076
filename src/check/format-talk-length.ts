// Pure: the talk-length table `deckhand check` prints.
import { formatMinutes, type TalkLength } from './estimate-talk-length.js'

/** A fixed-width table: chapter, slides, spoken words, minutes; then the total. */
export function formatTalkLength(length: TalkLength, planned: number): string[] {
  const rows = length.chapters.map((c) => [c.number === 0 ? '' : String(c.number), c.title, String(c.slides), String(c.words), c.minutes.toFixed(1)])
  rows.push(['', 'total', String(length.slides), String(length.words), length.minutes.toFixed(1)])
  const head = ['#', 'chapter', 'slides', 'words', 'minutes']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()
  const verdict = planned > 0 ? (length.minutes <= planned ? `, within the planned ${planned}` : `, over the planned ${planned}`) : ''
  return [
    `talk length at ${length.rate} words a minute: about ${formatMinutes(length.minutes)} minutes${verdict}`,
    line(head),
    ...rows.slice(0, -1).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(rows[rows.length - 1]!),
  ]
}
