import { hasClass } from './fragment-steps.js'

const OPEN_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/g

/**
 * Takes every element carrying `className` out of the HTML (with its content), and returns
 * the HTML without them and each element's inner HTML. Used to move handout-only blocks out
 * of a slide's frame and next to it on paper.
 */
export function extractBlocks(html: string, className: string): { html: string; blocks: string[] } {
  const blocks: string[] = []
  let rest = html
  let from = 0
  for (;;) {
    OPEN_TAG.lastIndex = from
    let match: RegExpExecArray | null
    while ((match = OPEN_TAG.exec(rest)) && !hasClass(match[2] ?? '', className));
    if (!match) break
    const name = match[1]!.toLowerCase()
    const innerStart = match.index + match[0].length
    const end = findClose(rest, name, innerStart)
    if (end === undefined) break
    blocks.push(rest.slice(innerStart, end.innerEnd))
    rest = rest.slice(0, match.index) + rest.slice(end.outerEnd)
    from = match.index
  }
  return { html: rest, blocks }
}

function findClose(html: string, name: string, from: number): { innerEnd: number; outerEnd: number } | undefined {
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi')
  tags.lastIndex = from
  let depth = 1
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1
    if (depth === 0) return { innerEnd: m.index, outerEnd: m.index + m[0].length }
  }
  return undefined
}
