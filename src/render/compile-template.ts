// One Handlebars instance, and one compiled function per template text, reused across builds.
import type Handlebars from 'handlebars'
import type { TemplateFile } from './load-templates.js'
import { createTemplateEngine } from './template-helpers.js'

export type Compiled = Handlebars.TemplateDelegate
export type Partials = Readonly<Record<string, Compiled>>

const COMPILE_OPTIONS = { strict: false, noEscape: false, preventIndent: true } as const
// Compiling costs 10-30 ms a template; a preview server rebuilding on every save reuses them.
const MAX_CACHED = 500
const cache = new Map<string, Compiled>()
let engine: typeof Handlebars | undefined

/** The compiled template for this text (Handlebars compiles lazily, on the first call). */
export function compileTemplate(source: string): Compiled {
  engine ??= createTemplateEngine()
  let compiled = cache.get(source)
  if (!compiled) {
    if (cache.size >= MAX_CACHED) cache.clear()
    compiled = engine.compile(source, COMPILE_OPTIONS)
    cache.set(source, compiled)
  }
  return compiled
}

/** Partials by name, passed with each call so decks with different overrides never mix. */
export function compilePartials(partials: ReadonlyMap<string, TemplateFile>): Partials {
  return Object.fromEntries([...partials].map(([name, p]) => [name, compileTemplate(p.source)]))
}
