// Pure: marked's inline tokenizers with their super-linear paths cut off, so that no line of
// text can stall a build. Each override gives the same tokens as marked's own on any text a
// deck really holds:
// - e-mail autolinks: marked looks ahead over the whole run of e-mail characters from every
//   position (`_a_a_a…` is quadratic); a local part is at most 64 characters (RFC 5321).
// - URL autolinks: trailing punctuation is dropped one character a pass over the whole URL; a
//   run of more than 32 of it is shortened first (it is dropped all the same).
// - emphasis and strikethrough: marked scans to the end of the paragraph for each opener; an
//   opener that no later closer can balance is skipped without the scan (see prune-emphasis.ts).
//   Each span's text is lexed again inside it, so spans nested past MAX_INLINE_NESTING are an
//   error instead of a quadratic build that ends in a stack overflow.
import { Lexer, Tokenizer, type MarkedExtension } from 'marked'
import { MAX_INLINE_NESTING, NestingTooDeep } from './nesting-too-deep.js'
import { emphasisHopeless } from './prune-emphasis.js'

type Rules = Tokenizer['rules']

const EMAIL_LOOKAHEAD = "[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]+@"
const EMAIL_START = '^[A-Za-z0-9._+-]+(@)'

/** `pattern` with each `from` replaced; marked changing its rules must fail the tests, not pass silently. */
function rewrite(pattern: RegExp, from: string, to: string): RegExp {
  if (!pattern.source.includes(from)) throw new Error(`marked's rule changed: ${from} is not in ${pattern.source}`)
  return new RegExp(pattern.source.split(from).join(to), pattern.flags)
}

const GFM = Lexer.rules.inline.gfm
const TEXT = rewrite(GFM.text, EMAIL_LOOKAHEAD, EMAIL_LOOKAHEAD.replace('+@', '{1,64}@'))
const URL = rewrite(GFM.url, EMAIL_START, EMAIL_START.replace('+(@)', '{1,64}(@)'))
const URL_START = /^(?:www\.|https?:\/\/|ftp:\/\/)/i
const TRAILING_PUNCTUATION = new Set("?!.,:;*_'\"~)")
const MAX_TRAILING_PUNCTUATION = 32

const views = new WeakMap<Tokenizer, { readonly inline: Rules['inline']; readonly view: Tokenizer }>()

/** The tokenizer as marked has it, but reading our bounded `text` and `url` rules. */
function bounded(tokenizer: Tokenizer): Tokenizer {
  const inline = tokenizer.rules.inline
  const known = views.get(tokenizer)
  if (known?.inline === inline) return known.view
  const rules = { ...tokenizer.rules, inline: Object.create(inline, { text: { value: TEXT }, url: { value: URL } }) as Rules['inline'] }
  const view = Object.create(tokenizer, { rules: { value: rules } }) as Tokenizer
  views.set(tokenizer, { inline, view })
  return view
}

export const linearInline: MarkedExtension = {
  tokenizer: {
    inlineText(src) {
      return Tokenizer.prototype.inlineText.call(bounded(this), src)
    },
    url(src) {
      return Tokenizer.prototype.url.call(bounded(this), URL_START.test(src) ? withShortTrailingPunctuation(src) : src)
    },
    emStrong(src, maskedSrc, prevChar) {
      if (emphasisHopeless(src, maskedSrc, '*_')) return undefined
      return nested(() => Tokenizer.prototype.emStrong.call(this, src, maskedSrc, prevChar))
    },
    del(src, maskedSrc, prevChar) {
      if (emphasisHopeless(src, maskedSrc, '~')) return undefined
      return nested(() => Tokenizer.prototype.del.call(this, src, maskedSrc, prevChar))
    },
  },
}

let depth = 0

function nested<T>(lex: () => T): T {
  if (depth >= MAX_INLINE_NESTING) throw new NestingTooDeep(`emphasis nested more than ${MAX_INLINE_NESTING} deep`)
  depth++
  try {
    return lex()
  } finally {
    depth--
  }
}

/** `src` cut after the URL's first 32 trailing punctuation characters when it has more. */
function withShortTrailingPunctuation(src: string): string {
  let end = 0
  while (end < src.length && !/[\s<]/.test(src[end]!)) end++
  let run = end
  while (run > 0 && TRAILING_PUNCTUATION.has(src[run - 1]!)) run--
  return end - run > MAX_TRAILING_PUNCTUATION ? src.slice(0, run + MAX_TRAILING_PUNCTUATION) : src
}
