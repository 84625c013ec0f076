// Markdown -> tokens -> HTML with deckhand's additions: `+` fragment lists, `{+}` fragment
// blocks, `:::` containers (columns, handout-only, slides-only) and build-time highlighting.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked'
import { fencedLines } from '../content/code-fences.js'
import { highlightCodeBlock, parseCodeInfo, type HighlightedCode } from './highlight-code.js'

export interface BlockToken {
  readonly type: 'dhBlock'
  readonly raw: string
  readonly kind: string
  /** One token list per column (`|||`); a single entry for other containers. */
  readonly parts: Token[][]
}

const FRAGMENT_SUFFIX = /\s*\{\+\}\s*$/

/** Finds the end of a `:::name` container, skipping nested containers and code fences. */
function scanBlock(src: string): { raw: string; kind: string; parts: string[] } | undefined {
  const open = /^:::[ \t]*([\w-]+)[ \t]*(?:\n|$)/.exec(src)
  if (!open) return undefined
  const lines = src.slice(open[0].length).split('\n')
  const fenced = fencedLines(lines)
  const parts: string[][] = [[]]
  let depth = 0
  let consumed = open[0].length
  for (const [i, line] of lines.entries()) {
    consumed += line.length + 1
    const fence = fenced[i]
    if (!fence && /^:::[ \t]*[\w-]+[ \t]*$/.test(line)) depth++
    else if (!fence && /^:::[ \t]*$/.test(line)) {
      if (depth === 0) return { raw: src.slice(0, Math.min(consumed, src.length)), kind: open[1]!, parts: parts.map((p) => p.join('\n')) }
      depth--
    } else if (!fence && depth === 0 && /^\|\|\|[ \t]*$/.test(line)) {
      parts.push([])
      continue
    }
    parts[parts.length - 1]!.push(line)
  }
  return undefined // unclosed: parse-chapter reports it; the text stays as written
}

const containers: TokenizerAndRendererExtension = {
  name: 'dhBlock',
  level: 'block',
  start: (src) => /^:::/m.exec(src)?.index,
  tokenizer(src) {
    const block = scanBlock(src)
    if (!block) return undefined
    const parts = block.parts.map((part) => this.lexer.blockTokens(part, []))
    return { type: 'dhBlock', raw: block.raw, kind: block.kind, parts } satisfies BlockToken
  },
  renderer(token) {
    const block = token as unknown as BlockToken
    const inner = block.parts.map((part) => this.parser.parse(part))
    if (block.kind === 'columns') {
      const cols = inner.map((html) => `<div class="dh-column">\n${html}</div>\n`).join('')
      return `<div class="dh-columns dh-columns-${inner.length}">\n${cols}</div>\n`
    }
    const cls = block.kind === 'handout' ? 'dh-handout-only' : block.kind === 'slides' ? 'dh-slides-only' : `dh-block dh-block-${block.kind}`
    return `<div class="${cls}">\n${inner.join('')}</div>\n`
  },
}

function isFragmentList(token: Tokens.List): boolean {
  return !token.ordered && token.raw.trimStart().startsWith('+')
}

const highlighted = new WeakMap<Tokens.Code, HighlightedCode>()

/** Highlights a code token once, however many fields show it. */
export function highlightToken(token: Tokens.Code): string {
  return highlightedCode(token).html
}

/** The code token's highlighted HTML and its tokens as data, computed once. */
export function highlightedCode(token: Tokens.Code): HighlightedCode {
  let result = highlighted.get(token)
  if (result === undefined) highlighted.set(token, (result = highlightCodeBlock(token.text, parseCodeInfo(token.lang ?? ''))))
  return result
}

interface FragmentMark {
  fragment?: boolean
}

const marked = new Marked({ gfm: true })
marked.use({
  extensions: [containers],
  renderer: {
    code(token) {
      return highlightToken(token) + '\n'
    },
    list(token) {
      if (!isFragmentList(token)) return false
      const items = token.items.map((item) => this.listitem(item).replace(/^<li>/, '<li class="fragment">')).join('')
      return `<ul>\n${items}</ul>\n`
    },
    paragraph(token) {
      const cls = (token as FragmentMark).fragment ? ' class="fragment"' : ''
      return `<p${cls}>${this.parser.parseInline(token.tokens)}</p>\n`
    },
    heading(token) {
      const cls = (token as FragmentMark).fragment ? ' class="fragment"' : ''
      return `<h${token.depth}${cls}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`
    },
  },
})

/** Lexes a slide's Markdown; `{+}` suffixes are turned into fragment marks on the token. */
export function lexMarkdown(markdown: string): Token[] {
  const tokens = marked.lexer(markdown)
  markFragments(tokens)
  return tokens
}

function markFragments(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if ((token.type === 'paragraph' || token.type === 'heading') && FRAGMENT_SUFFIX.test(token.text)) {
      ;(token as FragmentMark).fragment = true
      token.text = token.text.replace(FRAGMENT_SUFFIX, '')
      const last = token.tokens?.[token.tokens.length - 1]
      if (last && 'text' in last) {
        last.text = last.text.replace(FRAGMENT_SUFFIX, '')
        last.raw = last.raw.replace(FRAGMENT_SUFFIX, '')
      }
    }
    for (const child of childTokens(token)) markFragments(child)
  }
}

/** The token lists nested in a token, including our containers' parts. */
export function childTokens(token: Token): Token[][] {
  if (token.type === 'dhBlock') return (token as unknown as BlockToken).parts
  if (token.type === 'list') return (token as Tokens.List).items.map((item) => item.tokens)
  if (token.type === 'table') {
    const table = token as Tokens.Table
    return [...table.header.map((cell) => cell.tokens), ...table.rows.flatMap((row) => row.map((cell) => cell.tokens))]
  }
  return 'tokens' in token && Array.isArray(token.tokens) ? [token.tokens] : []
}

export function renderBlocks(tokens: readonly Token[]): string {
  return marked.parser(tokens as Token[])
}

export function renderInline(tokens: readonly Token[]): string {
  return marked.Parser.parseInline(tokens as Token[], marked.defaults)
}

/** True when the author wrote raw HTML (other than comments) anywhere in the tokens. */
export function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some((t) => (t.type === 'html' && !/^\s*<!--[\s\S]*-->\s*$/.test(t.raw)) || childTokens(t).some(hasRawHtml))
}
