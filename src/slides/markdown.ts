// Markdown -> tokens -> HTML with deckhand's additions: `+` fragment lists, `{+}` fragment
// blocks, `:::` containers (columns, handout-only, slides-only) and build-time highlighting.
import { Marked, type Renderer, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked'
import { fenceTracker } from '../content/code-fences.js'
import { diagramExtension } from '../diagrams/diagram-syntax.js'
import { mathExtension } from '../math/math-syntax.js'
import { marksOf, withAttributes } from './element-marks.js'
import { highlightCodeBlock, parseCodeInfo, type HighlightedCode } from './highlight-code.js'
import { linearInline } from './linear-inline.js'
import { NestingTooDeep } from './nesting-too-deep.js'
import { startInParagraph } from './paragraph-start.js'

export interface BlockToken {
  readonly type: 'dhBlock'
  readonly raw: string
  readonly kind: string
  /** One token list per column (`|||`); a single entry for other containers. */
  readonly parts: Token[][]
}

const FRAGMENT_MARK = '{+}'

/**
 * Finds the end of a `:::name` container, skipping nested containers and code fences. Lines are
 * read one at a time and only up to the closing `:::`, so sibling containers cost their own size.
 */
function scanBlock(src: string): { raw: string; kind: string; parts: string[] } | undefined {
  const open = /^:::[ \t]*([\w-]+)[ \t]*(?:\n|$)/.exec(src)
  if (!open) return undefined
  const fenced = fenceTracker()
  const parts: string[][] = [[]]
  let depth = 0
  let at = open[0].length
  for (;;) {
    const newline = src.indexOf('\n', at)
    const end = newline === -1 ? src.length : newline
    const line = src.slice(at, end)
    const fence = fenced(line)
    if (!fence && /^:::[ \t]*[\w-]+[ \t]*$/.test(line)) depth++
    else if (!fence && /^:::[ \t]*$/.test(line)) {
      if (depth === 0) {
        spendScanBudget(end)
        return { raw: src.slice(0, Math.min(end + 1, src.length)), kind: open[1]!, parts: parts.map((p) => p.join('\n')) }
      }
      depth--
    }
    if (!fence && depth === 0 && /^\|\|\|[ \t]*$/.test(line)) parts.push([])
    else parts[parts.length - 1]!.push(line)
    if (newline === -1) break
    at = end + 1
  }
  spendScanBudget(src.length)
  return undefined // unclosed: parse-chapter reports it; the text stays as written
}

/**
 * Characters `:::` scans may still read in the current lexMarkdown call. Each unclosed block is
 * scanned to the end of its text, so a slide of many (inside quotes, where the chapter check
 * does not see them) would cost the square of its length; past this many it is an error.
 */
let scanBudget = Number.POSITIVE_INFINITY

function spendScanBudget(chars: number): void {
  scanBudget -= chars
  if (scanBudget < 0) throw new NestingTooDeep('too many ::: blocks inside each other or left open')
}

// Where a container may start, tried at each line start of the paragraph.
const CONTAINER_OPEN = /:::/y

/** The classes of `:::handout` and `:::slides` blocks; print CSS hides each where it does not belong. */
export const HANDOUT_ONLY_CLASS = 'dh-handout-only'
export const SLIDES_ONLY_CLASS = 'dh-slides-only'

const containers: TokenizerAndRendererExtension = {
  name: 'dhBlock',
  level: 'block',
  start: (src) => startInParagraph(src, CONTAINER_OPEN),
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
    const cls = block.kind === 'handout' ? HANDOUT_ONLY_CLASS : block.kind === 'slides' ? SLIDES_ONLY_CLASS : `dh-block dh-block-${block.kind}`
    return `<div class="${cls}">\n${inner.join('')}</div>\n`
  },
}

export function isFragmentList(token: Tokens.List): boolean {
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

export interface FragmentMark {
  fragment?: boolean
}

// While set, headings render as paragraphs the outline handout styles (see renderOutlineBlocks).
let outlineHeadings = false

const marked = new Marked({ gfm: true }, linearInline)
marked.use({
  extensions: [containers],
  renderer: {
    code(token) {
      return highlightToken(token) + '\n'
    },
    list(token) {
      if (!isFragmentList(token)) return false
      const items = token.items.map((item) => withAttributes(this.listitem(item), [['class', 'fragment']])).join('')
      return `<ul>\n${items}</ul>\n`
    },
    paragraph(token) {
      const cls = (token as FragmentMark).fragment ? ' class="fragment"' : ''
      return `<p${cls}>${this.parser.parseInline(token.tokens)}</p>\n`
    },
    heading(token) {
      const cls = (token as FragmentMark).fragment ? ' class="fragment"' : ''
      const inner = this.parser.parseInline(token.tokens)
      if (outlineHeadings) return `<p class="dhp-outline-heading dhp-outline-h${token.depth}"${cls}>${inner}</p>\n`
      return `<h${token.depth}${cls}>${inner}</h${token.depth}>\n`
    },
  },
})

marked.use(mathExtension, diagramExtension)

// Tokens that carry `.element:` marks render with them on their first tag. Each renderer
// renders the token as it would unmarked (the chain below), then adds the attributes.
const MARKABLE = ['paragraph', 'heading', 'list', 'listitem', 'blockquote', 'code', 'table', 'hr', 'image', 'link', 'strong', 'em', 'codespan', 'del'] as const
const rendering = new WeakSet<object>()
type MarkableRenderer = (this: Renderer, token: Token) => string | false
marked.use({
  renderer: Object.fromEntries(
    MARKABLE.map((type): [string, MarkableRenderer] => [
      type,
      function (token) {
        const attrs = marksOf(token)
        if (!attrs || rendering.has(token)) return false
        rendering.add(token)
        try {
          return withAttributes((this[type] as (t: Token) => string)(token), attrs)
        } finally {
          rendering.delete(token)
        }
      },
    ]),
  ),
})

/** Lexes a slide's Markdown; `{+}` suffixes are turned into fragment marks on the token. */
export function lexMarkdown(markdown: string): Token[] {
  // Nested blocks rescan their own text; a few rounds of the whole slide are plenty for real ones.
  scanBudget = 16 * markdown.length + 100_000
  const tokens = marked.lexer(markdown)
  markFragments(tokens)
  return tokens
}

/** `text {+}` -> `text`; anything else as it is. (Trimming, not `\s*\{\+\}\s*$`, which is quadratic on a long run of spaces.) */
function withoutFragmentMark(text: string): string {
  const trimmed = text.trimEnd()
  return trimmed.endsWith(FRAGMENT_MARK) ? trimmed.slice(0, -FRAGMENT_MARK.length).trimEnd() : text
}

function markFragments(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if ((token.type === 'paragraph' || token.type === 'heading') && token.text.trimEnd().endsWith(FRAGMENT_MARK)) {
      ;(token as FragmentMark).fragment = true
      token.text = withoutFragmentMark(token.text)
      const last = token.tokens?.[token.tokens.length - 1]
      if (last && 'text' in last) {
        last.text = withoutFragmentMark(last.text)
        last.raw = withoutFragmentMark(last.raw)
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

/** Blocks for the outline handout: headings become styled paragraphs, so its own headings stay chapter > slide. */
export function renderOutlineBlocks(tokens: readonly Token[]): string {
  outlineHeadings = true
  try {
    return renderBlocks(tokens)
  } finally {
    outlineHeadings = false
  }
}

export function renderInline(tokens: readonly Token[]): string {
  return marked.Parser.parseInline(tokens as Token[], marked.defaults)
}

/** True when the author wrote raw HTML (other than comments) anywhere in the tokens. */
export function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some((t) => (t.type === 'html' && !/^\s*<!--[\s\S]*-->\s*$/.test(t.raw)) || childTokens(t).some(hasRawHtml))
}
