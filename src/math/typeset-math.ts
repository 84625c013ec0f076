// Pure: typesets every formula of a slide with KaTeX at build time (HTML for the eye, MathML for
// screen readers), so no script runs when the deck is shown. A formula that does not parse is an
// error at its file, line and column, with KaTeX's own message.
import { createRequire } from 'node:module'
import type { Token } from 'marked'
import { error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { childTokens } from '../slides/markdown.js'
import { islandPlaceholder } from '../slides/islands.js'
import type { SlideOrigin } from '../model.js'
import { spanAt } from '../slides/locate-in-source.js'
import type { MathToken } from './math-syntax.js'

type Katex = typeof import('katex').default

// Loaded on the first formula: a deck without math never pays for KaTeX.
const require = createRequire(import.meta.url)
let katex: Katex | undefined
const loadKatex = (): Katex => (katex ??= require('katex') as Katex)

export interface TypesetMathOptions {
  readonly origin: SlideOrigin
  readonly macros: Readonly<Record<string, string>>
  /** Receives each formula's HTML under the key its placeholder names. */
  readonly islands: Map<string, string>
  readonly diagnostics: Diagnostic[]
}

/** Typesets the formulas among `tokens` (nested ones too); their HTML goes to `options.islands`. */
export function typesetMath(tokens: readonly Token[], options: TypesetMathOptions): void {
  let cursor = 0
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'dhMath') {
        const math = token as unknown as MathToken
        const at = options.origin.markdown.indexOf(math.raw, cursor)
        if (at >= 0) cursor = at + math.raw.length
        const key = `math-${options.islands.size + 1}`
        const html = typeset(math, Math.max(at, 0), options)
        if (html !== undefined) options.islands.set(key, html)
        math.html = islandPlaceholder(key, math.tex.trim())
        if (html !== undefined) math.typeset = html
      }
      for (const child of childTokens(token)) visit(child)
    }
  }
  visit(tokens)
}

function typeset(math: MathToken, at: number, options: TypesetMathOptions): string | undefined {
  const katex = loadKatex()
  try {
    return katex.renderToString(math.tex, {
      displayMode: math.display,
      throwOnError: true,
      // A copy per formula: `\gdef` in one formula must not change the next.
      macros: { ...options.macros },
      output: 'htmlAndMathml',
      trust: false,
      strict: 'ignore',
    })
  } catch (cause) {
    if (!(cause instanceof katex.ParseError)) throw cause
    const offset = at + math.texOffset + (cause.position ?? 0)
    const span = spanAt(options.origin, offset)
    options.diagnostics.push(error('math-syntax', `Formula does not parse: ${cause.rawMessage ?? cause.message}`, span, 'The TeX is read by KaTeX; see https://katex.org/docs/supported for what it knows.'))
    return undefined
  }
}
