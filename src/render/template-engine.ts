// The one template engine: one Handlebars instance with deckhand's helpers, one compiled
// function per template text (reused across builds), and one way a failing template becomes
// a located diagnostic. Slides, partials, the deck shell and every print layout go through it.
import type HandlebarsNamespace from 'handlebars'
import { DeckError, error, type Diagnostic, type Via } from '../diagnostics/diagnostic.js'
import type { TemplateFile } from './load-templates.js'
import { COMPILE_OPTIONS, reviveSpec, type PrecompiledTemplate } from './precompiled-templates.js'
import { createTemplateEngine } from './template-helpers.js'

export type Compiled = HandlebarsNamespace.TemplateDelegate
export type Partials = Readonly<Record<string, Compiled>>

export interface CompileOptions {
  /** Throw on a field the data does not have (tests use it to prove templates read only real fields). */
  readonly strict?: boolean
}

// Compiling costs 10-30 ms a template; a preview server rebuilding on every save reuses them.
const MAX_CACHED = 500
const cache = new Map<string, Compiled>()
let engine: typeof HandlebarsNamespace | undefined

/**
 * The compiled template for this text (Handlebars compiles lazily, on the first call), from
 * the package's precompiled code when the text is a built-in template's.
 */
export function compileTemplate(source: string, options: CompileOptions = {}, precompiled?: PrecompiledTemplate): Compiled {
  engine ??= createTemplateEngine()
  const key = options.strict ? `strict\n${source}` : source
  let compiled = cache.get(key)
  if (!compiled) {
    if (cache.size >= MAX_CACHED) cache.clear()
    compiled = precompiled && !options.strict ? engine.template(reviveSpec(precompiled.spec)) : engine.compile(source, { ...COMPILE_OPTIONS, strict: options.strict ?? false })
    cache.set(key, compiled)
  }
  return compiled
}

/**
 * Partials by name, passed with each call so decks with different overrides never mix. A
 * partial marks what throws inside it with its own file, so the error points there.
 */
export function compilePartials(partials: ReadonlyMap<string, TemplateFile>, options: CompileOptions = {}): Partials {
  return Object.fromEntries(
    [...partials].map(([name, p]) => {
      const compiled = compileTemplate(p.source, options, p.precompiled)
      const run: Compiled = (context, runOptions) => {
        try {
          return compiled(context, runOptions)
        } catch (err) {
          // A line found inside the partial is the partial's; an outer call must not claim the error.
          if (err instanceof Error && (err as InTemplate).templateFile === undefined) Object.assign(err, { templateFile: p.file, lineNumber: (err as { lineNumber?: number }).lineNumber ?? 1 })
          throw err
        }
      }
      return [name, run]
    }),
  )
}

interface InTemplate {
  templateFile?: string
}

/** Runs a template; a throw becomes a DeckError at the template (its line when Handlebars knows it), via what was rendered. */
export function runTemplate(template: TemplateFile, data: unknown, partials: Partials, via?: Via, options: CompileOptions = {}): string {
  try {
    return compileTemplate(template.source, options, template.precompiled)(data, { partials })
  } catch (cause) {
    throw new DeckError(templateFailed(template, cause, via), { cause })
  }
}

/** `template-render` at the template's own line; the reason is Handlebars' first line. */
export function templateFailed(template: TemplateFile, cause: unknown, via?: Via): Diagnostic {
  const e = cause as { message?: string; lineNumber?: number; column?: number } & InTemplate
  const reason = String(e?.message ?? cause).split('\n')[0]
  // In a partial the template included, when the throw came from there.
  const file = e?.templateFile ?? template.file
  const span = typeof e?.lineNumber === 'number' ? { file, line: e.lineNumber, ...(typeof e.column === 'number' && { column: e.column + 1 }) } : { file, line: 1 }
  return { ...error('template-render', `Template failed: ${reason}`, span, 'check the template at this line'), ...(via && { via }) }
}
