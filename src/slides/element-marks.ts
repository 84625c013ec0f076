// Pure: Reveal's `<!-- .element: class="fragment" -->` comments, read from the Markdown tokens and
// kept as marks on the tokens they belong to, placed as the Reveal.js Markdown plugin places them:
// the nearest element before the comment (text between does not count), the last item of a list
// the comment follows directly, else the block the comment stands in. Marks reach every field a
// template shows, so they work on every layout.
import type { Token, Tokens } from 'marked'
import { parseAttributes } from './apply-element-attributes.js'
import { childTokens } from './markdown.js'

export type Attributes = ReadonlyArray<readonly [string, string]>

const marks = new WeakMap<object, Attributes>()
// Inline tokens that are elements of their own; text and line breaks are passed over.
const INLINE_ELEMENTS = new Set(['image', 'link', 'strong', 'em', 'codespan', 'del'])

export function marksOf(token: object): Attributes | undefined {
  return marks.get(token)
}

/**
 * Reads every `.element:` comment of a slide's tokens into marks and takes the comments out.
 * `clean` screens the attribute text (the deck's HTML policy); marks with no element before
 * them belong to the slide and are returned.
 */
export function attachElementMarks(tokens: Token[], clean: (attributes: string) => string): Attributes {
  const slide: Array<readonly [string, string]> = []
  const visitBlocks = (list: Token[], owner: object | null): void => {
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!
      const comment = token.type === 'html' ? elementComment(token.raw) : undefined
      if (comment !== undefined) {
        const target = blockTarget(list, i) ?? owner
        const attrs = parseAttributes(clean(comment))
        if (target) addMarks(target, attrs)
        else slide.push(...attrs)
        list[i] = { type: 'space', raw: '' } as Token
        continue
      }
      visitInline(token, owner, clean)
      if (token.type === 'list') for (const item of (token as Tokens.List).items) visitBlocks(item.tokens, item)
      else if (token.type !== 'paragraph' && token.type !== 'heading') for (const child of childTokens(token)) visitBlocks(child, token)
    }
  }
  visitBlocks(tokens, null)
  return slide
}

/** The block a comment on its own line belongs to: the one before it, or a list's last item. */
function blockTarget(list: readonly Token[], at: number): object | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const token = list[i]!
    if (token.type === 'space' || (token.type === 'html' && elementComment(token.raw) !== undefined)) continue
    if (token.type === 'list' && !/\n[ \t]*\n$/.test(token.raw) && list[at - 1]?.type !== 'space') return (token as Tokens.List).items.at(-1) ?? token
    return token
  }
  return undefined
}

/** Comments inside a paragraph, heading or list item's text. */
function visitInline(token: Token, owner: object | null, clean: (attributes: string) => string): void {
  const inline = inlineTokensOf(token)
  if (!inline) return
  for (let i = 0; i < inline.length; i++) {
    const t = inline[i]!
    const comment = t.type === 'html' ? elementComment(t.raw) : undefined
    if (comment === undefined) continue
    // A tight list item's text is no element of its own: the item is.
    let target: object = token.type === 'text' && owner ? owner : token
    for (let j = i - 1; j >= 0; j--) if (INLINE_ELEMENTS.has(inline[j]!.type)) {
      target = inline[j]!
      break
    }
    addMarks(target, parseAttributes(clean(comment)))
    inline.splice(i--, 1)
  }
  const last = inline.at(-1)
  if (last?.type === 'text') last.raw = (last as Tokens.Text).text = trimSpacesEnd((last as Tokens.Text).text)
}

function inlineTokensOf(token: Token): Token[] | undefined {
  if (token.type === 'paragraph' || token.type === 'heading') return (token as Tokens.Paragraph).tokens
  if (token.type === 'text' && (token as Tokens.Text).tokens) return (token as Tokens.Text).tokens
  return undefined
}

function addMarks(target: object, attrs: Attributes): void {
  marks.set(target, [...(marks.get(target) ?? []), ...attrs])
}

/** Adds attributes to the first tag of some HTML, merging classes into one attribute. */
export function withAttributes(html: string, attrs: Attributes): string {
  // The tag's name, then what stands up to its `>` (found apart, so no two patterns share characters).
  const name = /^\s*<[a-zA-Z][\w-]*/.exec(html)?.[0]
  const end = name === undefined ? -1 : html.indexOf('>', name.length)
  if (name === undefined || end < 0) return html
  const attributes = html.slice(name.length, end)
  const inside = attributes.endsWith('/') ? attributes.slice(0, -1) : attributes
  let rest = trimSpacesEnd(inside)
  const close = inside.slice(rest.length) + attributes.slice(inside.length) + '>'
  for (const [name, value] of attrs) {
    const existing = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}="([^"]*)"`).exec(rest)
    const escaped = value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    if (existing && name === 'class') rest = rest.replace(existing[0], ` class="${existing[1]} ${escaped}"`)
    else if (existing) rest = rest.replace(existing[0], ` ${name}="${escaped}"`)
    else rest += value ? ` ${name}="${escaped}"` : ` ${name}`
  }
  return name + rest + close + html.slice(end + 1)
}

/** Inline HTML wrapped in a span carrying the marks of the block it came from (a title, a lead). */
export function wrapWithMarks(html: string, token: object | undefined): string {
  const attrs = token ? marks.get(token) : undefined
  return attrs?.length && html ? withAttributes(`<span>${html}</span>`, attrs) : html
}

/** The text of a `<!-- .element: … -->` comment, or undefined for any other text. */
export function elementComment(text: string): string | undefined {
  const comment = text.trim()
  if (!comment.startsWith('<!--') || !comment.endsWith('-->')) return undefined
  const inner = comment.slice(4, -3).trim()
  return inner.startsWith('.element:') ? inner.slice('.element:'.length).trim() : undefined
}

/** Text without its trailing spaces and tabs (a `[ \t]+$` pattern rescans each run to the end). */
function trimSpacesEnd(text: string): string {
  let end = text.length
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  return text.slice(0, end)
}
