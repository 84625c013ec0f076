// The helpers every deckhand template may call, on an isolated Handlebars instance.
import Handlebars from './handlebars.js'

type HelperFn = (...args: unknown[]) => unknown

/** Drops Handlebars' trailing options argument. */
function argsOf(args: unknown[]): unknown[] {
  return args.slice(0, -1)
}

const HELPERS: Readonly<Record<string, HelperFn>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => Number(a) > Number(b),
  lt: (a, b) => Number(a) < Number(b),
  and: (...args) => argsOf(args).every(Boolean),
  or: (...args) => argsOf(args).some(Boolean),
  not: (a) => !a,
  /** 1-based numbering from @index. */
  inc: (n) => Number(n) + 1,
  /** Two-digit chapter numbers: 3 -> "03". */
  pad2: (n) => String(n ?? '').padStart(2, '0'),
  /** Elements in a list, for layout classes (`cards-3`). */
  count: (list) => (Array.isArray(list) ? list.length : 0),
  /** Lines in a text (code blocks pick a smaller type size when long). */
  lines: (text) => (typeof text === 'string' && text !== '' ? text.replace(/\n$/, '').split('\n').length : 0),
  /** Items joined by a separator (default ", "), empty values left out. */
  join: (...args) => {
    const [list, sep] = argsOf(args)
    const parts = Array.isArray(list) ? list : [list]
    return parts.filter((p) => p !== undefined && p !== null && p !== '').join(typeof sep === 'string' ? sep : ', ')
  },
  /** JSON safe inside a <script>: `<` is escaped so no value can close the script element. */
  json: (value) => new Handlebars.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c')),
}

/** Names of deckhand's helpers, for checkTemplates. */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS)

/** A fresh Handlebars instance with deckhand's helpers and no others registered globally. */
export function createTemplateEngine(): typeof Handlebars {
  const engine = Handlebars.create()
  for (const [name, fn] of Object.entries(HELPERS)) engine.registerHelper(name, fn)
  return engine
}
