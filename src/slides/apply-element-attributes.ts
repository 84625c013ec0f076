// Reveal's `<!-- .element: class="fragment" -->` comments, applied at build time as the
// Markdown plugin would in the browser: to the preceding element sibling, else to the parent.
import { createRequire } from 'node:module'
import type { ChildNode, Comment, Element } from 'domhandler'

// Loaded on first use: only slides with `.element` comments need a DOM.
const require = createRequire(import.meta.url)
const isElement = (node: unknown): node is Element => (node as { type?: string } | null)?.type === 'tag'

const ELEMENT_COMMENT = /^\s*\.element:/
const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g

export function hasElementComments(html: string): boolean {
  return html.includes('.element:')
}

/** Parses `class="a b" data-x=1 hidden` into pairs. */
export function parseAttributes(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const m of text.matchAll(ATTRIBUTE)) pairs.push([m[1]!, m[2] ?? m[3] ?? m[4] ?? ''])
  return pairs
}

export function applyElementAttributes(html: string): string {
  const { parseDocument } = require('htmlparser2') as typeof import('htmlparser2')
  const render = (require('dom-serializer') as typeof import('dom-serializer')).default
  const doc = parseDocument(html, { decodeEntities: false })
  const comments: Comment[] = []
  const collect = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'comment' && ELEMENT_COMMENT.test(node.data)) comments.push(node)
      if (isElement(node)) collect(node.children)
    }
  }
  collect(doc.children)
  for (const comment of comments) {
    const target = previousElement(comment) ?? (isElement(comment.parent) ? comment.parent : null)
    if (target) addAttributes(target, comment.data.replace(ELEMENT_COMMENT, '').trim())
    const siblings = comment.parent?.children ?? doc.children
    siblings.splice(siblings.indexOf(comment), 1)
  }
  return render(doc, { decodeEntities: false, encodeEntities: false })
}

function previousElement(node: ChildNode): Element | null {
  let prev = node.prev
  while (prev && !isElement(prev)) {
    if (prev.type === 'text' && prev.data.trim()) return null
    prev = prev.prev
  }
  return isElement(prev) ? prev : null
}

function addAttributes(element: Element, text: string): void {
  for (const [name, value] of parseAttributes(text)) {
    if (name === 'class' && element.attribs.class) element.attribs.class = `${element.attribs.class} ${value}`
    else element.attribs[name] = value
  }
}
