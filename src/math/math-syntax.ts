// Pure: marked extensions that read TeX math — `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]`
// (inline or as a block of their own) displayed, and ```math fences. The tokens carry the TeX;
// typeset-math fills in their HTML once per slide, where the deck's macros and the source
// lines are known. A `$` that is plainly money stays text (Pandoc's rule: the opening `$` has
// no space after it, the next `$` closes it only with no space before it and no digit after it);
// `\$` is a dollar.
import type { MarkedExtension, TokenizerAndRendererExtension } from 'marked'
import { escapeHtml } from '../html/html-text.js'
import { startInParagraph } from '../slides/paragraph-start.js'
import { scanFence } from '../slides/scan-fence.js'

export interface MathToken {
  readonly type: 'dhMath'
  readonly raw: string
  readonly tex: string
  readonly display: boolean
  /** Offset of the TeX inside `raw`, for error columns. */
  readonly texOffset: number
  /** A block of its own (not inside a paragraph). */
  readonly block: boolean
  /** The HTML the slide gets: typesetMath sets the placeholder its typeset formula fills. */
  html?: string
  /** KaTeX's HTML (with its MathML) itself; set by typesetMath when the formula parses. */
  typeset?: string
}

/**
 * Where the next inline formula may start: an unescaped `$`, or `\(` / `\[`. marked asks again
 * after each piece of text it takes, so the search stops at the first character its text rule
 * stops before, and after SEARCH_LIMIT characters it names that place (the text is cut there and
 * joined again): text that marked takes a character at a time is not searched to its end each time.
 */
function inlineStart(src: string): number | undefined {
  const end = Math.min(src.length, SEARCH_LIMIT)
  for (let i = 0; i < end; i++) {
    const c = src[i]!
    if (c === '$') return i
    if (c === '\\') return src[i + 1] === '(' || src[i + 1] === '[' ? i : undefined
    if (TEXT_STOPS.has(c)) return undefined
  }
  return end < src.length ? end : undefined
}

const SEARCH_LIMIT = 1024
// marked's inline text ends before each of these (its `[\\<!\[`*~_]` lookahead).
const TEXT_STOPS = new Set(['<', '!', '[', '`', '*', '~', '_'])

/**
 * The longest formula read, in characters. A closer is looked for no further than this, so a
 * line of thousands of unclosed `\[` is read in time that grows with its length, not its square.
 */
const MAX_FORMULA = 4096

/** The end of a formula opened at `from`: the index of `close`, skipping escaped characters. */
function findClose(src: string, from: number, close: string): number {
  const window = src.slice(0, Math.min(src.length, from + MAX_FORMULA))
  // Looking for the closer's last character is much faster where its first one is common (`\`).
  const last = close[close.length - 1]!
  for (let i = from, seen = from; ; ) {
    seen = window.indexOf(last, seen)
    if (seen < 0) return -1
    const at = seen++ - close.length + 1
    if (at < i || !window.startsWith(close, at)) continue
    while (i < at) i += src[i] === '\\' && !src.startsWith(close, i) ? 2 : 1
    if (i === at) return at
    // That closer was an escaped character: look on after it.
  }
}

function mathToken(raw: string, tex: string, display: boolean, texOffset: number, block = false): MathToken {
  return { type: 'dhMath', raw, tex, display, texOffset, block }
}

function scanInline(src: string): MathToken | undefined {
  if (src.startsWith('$$')) {
    const end = findClose(src, 2, '$$')
    return end > 2 ? mathToken(src.slice(0, end + 2), src.slice(2, end), true, 2) : undefined
  }
  for (const [open, close, display] of [['\\(', '\\)', false], ['\\[', '\\]', true]] as const) {
    if (!src.startsWith(open)) continue
    const end = findClose(src, 2, close)
    return end > 2 ? mathToken(src.slice(0, end + 2), src.slice(2, end), display, 2) : undefined
  }
  if (src[0] !== '$' || !src[1] || /\s/.test(src[1])) return undefined
  // The first unescaped `$` must close it: in `$5 and $10` the second one cannot, so neither is math.
  const end = findClose(src, 1, '$')
  if (end < 0 || /\s/.test(src[end - 1]!) || /\d/.test(src[end + 1] ?? '')) return undefined
  return mathToken(src.slice(0, end + 1), src.slice(1, end), false, 1)
}

const inlineMath: TokenizerAndRendererExtension = {
  name: 'dhMath',
  level: 'inline',
  start: inlineStart,
  tokenizer: (src) => scanInline(src),
  renderer: (token) => renderMathToken(token as unknown as MathToken),
}

// A display formula's or math fence's opening, tried at each line start of a paragraph.
const BLOCK_OPEN = / {0,3}(?:\$\$|\\\[|(?:`{3,}|~{3,})[ \t]*math\b)/y
const BLOCK = new RegExp(String.raw`^ {0,3}(\$\$|\\\[)([\s\S]{1,${MAX_FORMULA}}?)(\$\$|\\\])[ \t]*(?:\n+|$)`)

const blockMath: TokenizerAndRendererExtension = {
  name: 'dhMath',
  level: 'block',
  start: (src) => startInParagraph(src, BLOCK_OPEN),
  tokenizer(src) {
    const fence = scanFence(src, ['math'])
    if (fence) return mathToken(fence.raw, fence.text, true, fence.raw.indexOf('\n') + 1, true) as never
    const block = BLOCK.exec(src)
    if (!block || (block[1] === '$$') !== (block[3] === '$$')) return undefined
    return mathToken(block[0], block[2]!, true, block[0].indexOf(block[1]!) + block[1]!.length, true) as never
  },
}

function renderMathToken(token: MathToken): string {
  const html = token.html ?? escapeHtml(token.raw)
  return token.block ? `<div class="dh-math">${html}</div>\n` : html
}

export const mathExtension: MarkedExtension = { extensions: [blockMath, inlineMath] }
