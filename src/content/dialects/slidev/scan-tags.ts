// Pure: the HTML tags written in a slide's Markdown, outside code and comments, with their
// attributes, so Vue markup (components, v-click, :bound and @event attributes) can be rewritten.
import { fencedLines } from '../../code-fences.js'
import { findComments, insideCodeSpan, lineOf, lineStarts } from '../text-ranges.js'

export interface TagAttribute {
  readonly name: string
  /** '' for an attribute written without a value. */
  readonly value: string
  readonly raw: string
}

export interface Tag {
  readonly index: number
  /** Offset just after the tag's `>`. */
  readonly end: number
  readonly name: string
  readonly closing: boolean
  readonly selfClosing: boolean
  readonly attributes: readonly TagAttribute[]
  /** 0-based line of the text where the tag starts. */
  readonly line: number
}

const NAME = /^[A-Za-z][\w:.-]*/
const ATTRIBUTE = /^\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/

export function scanTags(text: string): Tag[] {
  const lines = text.split('\n')
  const fenced = fencedLines(lines)
  const starts = lineStarts(lines)
  const comments = findComments(text)
  const inComment = (at: number): boolean => comments.some((c) => at >= c.index && at < c.index + c.length)
  const tags: Tag[] = []
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const line = lineOf(starts, at)
    if (fenced[line] || insideCodeSpan(lines[line]!, at - starts[line]!) || inComment(at)) continue
    const tag = readTag(text, at, line)
    if (tag) {
      tags.push(tag)
      at = tag.end - 1
    }
  }
  return tags
}

function readTag(text: string, at: number, line: number): Tag | undefined {
  const closing = text[at + 1] === '/'
  let pos = at + (closing ? 2 : 1)
  const name = NAME.exec(text.slice(pos, pos + 80))?.[0]
  if (!name) return undefined
  pos += name.length
  const attributes: TagAttribute[] = []
  for (;;) {
    const rest = text.slice(pos, pos + 2000)
    const end = /^\s*(\/?)>/.exec(rest)
    if (end) return { index: at, end: pos + end[0].length, name, closing, selfClosing: end[1] === '/', attributes, line }
    const attr = ATTRIBUTE.exec(rest)
    if (!attr || attr[0].length === 0) return undefined
    attributes.push({ name: attr[1]!, value: attr[2] ?? attr[3] ?? attr[4] ?? '', raw: attr[0].trim() })
    pos += attr[0].length
  }
}

/** The tag that closes `open`, counting nested tags of the same name; undefined when unclosed. */
export function closingTag(tags: readonly Tag[], open: number): Tag | undefined {
  const name = tags[open]!.name
  let depth = 0
  for (let i = open + 1; i < tags.length; i++) {
    const tag = tags[i]!
    if (tag.name !== name || tag.selfClosing) continue
    if (!tag.closing) depth++
    else if (depth === 0) return tag
    else depth--
  }
  return undefined
}
