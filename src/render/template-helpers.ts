// The helpers every deckhand template may call (slides, partials, the deck shell, print layouts),
// on an isolated Handlebars instance.
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
  /**
   * JSON safe inside a <script>: `<` is escaped so no value can close the script element.
   * Without an argument it is `null`, not Handlebars' own options object.
   */
  json: (...args) => {
    const [value] = argsOf(args)
    return new Handlebars.SafeString(JSON.stringify(value ?? null).replace(/</g, '\\u003c'))
  },
  /** A CSS string literal (`content: {{cssString deck.title}}`); `<` escaped so it cannot close a <style>. */
  cssString: (...args) => new Handlebars.SafeString(cssString(String(argsOf(args)[0] ?? ''))),
}

/** A CSS string literal; `<` escaped so the text can never close the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/[\n\r\f]/g, ' ')}"`
}

/** Names of deckhand's helpers, for checkTemplates. */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS)

/** Handlebars' own helpers, which templates call by name like ours. */
export const BUILT_IN_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'lookup', 'log']

/**
 * A fresh Handlebars instance with deckhand's helpers and no others registered globally. Every
 * helper, Handlebars' own included, tells a throw where in the template it was called.
 */
export function createTemplateEngine(): typeof Handlebars {
  const engine = Handlebars.create()
  for (const name of BUILT_IN_HELPERS) engine.registerHelper(name, located(engine.helpers[name] as HelperFn))
  for (const [name, fn] of Object.entries(HELPERS)) engine.registerHelper(name, located(fn))
  return engine
}

interface Located {
  lineNumber?: number
  column?: number
}

/** The helper, its errors marked with the line and column of the call (the innermost call wins). */
function located(fn: HelperFn): HelperFn {
  return function (this: unknown) {
    try {
      // `arguments` as is: V8 passes it on without copying, and helpers run thousands of times a build.
      // eslint-disable-next-line prefer-rest-params
      return fn.apply(this, arguments as unknown as unknown[])
    } catch (err) {
      // eslint-disable-next-line prefer-rest-params
      const loc = (arguments[arguments.length - 1] as { loc?: hbs.AST.SourceLocation } | undefined)?.loc
      if (loc && err instanceof Error && (err as Located).lineNumber === undefined) Object.assign(err, { lineNumber: loc.start.line, column: loc.start.column })
      throw err
    }
  }
}
