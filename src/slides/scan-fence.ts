// Pure: a fenced block of one of the given languages at the start of `src`, found as CommonMark
// finds fences (3+ backticks or tildes, closed by the same character at least as long), so
// extensions can claim `math` and `mermaid` fences before marked reads them as code.

export interface ScannedFence {
  /** Everything consumed, closing fence (and caption line, when asked for) included. */
  readonly raw: string
  readonly lang: string
  /** The info string after the language (`{alt="…"} {+}`). */
  readonly info: string
  readonly text: string
  /** The line right after the closing fence, when it is text (no blank line between). */
  readonly caption?: string
}

const OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([A-Za-z][\w-]*)(?=[\s{]|$)([^\n]*)(?:\n|$)/
const BLOCK_START = /^ {0,3}(?:[-+*>#|:]|\d+[.)]|`{3}|~{3}|<|\$\$|\\\[)/

export function scanFence(src: string, langs: readonly string[], withCaption = false): ScannedFence | undefined {
  const open = OPEN.exec(src)
  if (!open || !langs.includes(open[3]!.toLowerCase())) return undefined
  const [, indent, marker, lang, info] = open
  // A backtick fence's info string may not hold a backtick (CommonMark).
  if (marker![0] === '`' && info!.includes('`')) return undefined
  let offset = open[0].length
  const body: string[] = []
  let closed = false
  while (offset < src.length) {
    const end = src.indexOf('\n', offset)
    const line = src.slice(offset, end < 0 ? src.length : end)
    offset = end < 0 ? src.length : end + 1
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
    if (close && close[1]![0] === marker![0] && close[1]!.length >= marker!.length) {
      closed = true
      break
    }
    body.push(stripIndent(line, indent!.length))
  }
  let caption: string | undefined
  if (withCaption && closed && offset < src.length) {
    const end = src.indexOf('\n', offset)
    const line = src.slice(offset, end < 0 ? src.length : end)
    if (line.trim() && !BLOCK_START.test(line)) {
      caption = line.trim()
      offset = end < 0 ? src.length : end + 1
    }
  }
  return { raw: src.slice(0, offset), lang: lang!.toLowerCase(), info: info!.trim(), text: body.join('\n'), ...(caption !== undefined && { caption }) }
}

function stripIndent(line: string, width: number): string {
  let i = 0
  while (i < width && line[i] === ' ') i++
  return line.slice(i)
}
