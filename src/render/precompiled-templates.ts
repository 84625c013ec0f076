// Pure: the built-in templates parsed and compiled once, when the package is built. Handlebars'
// parser is slow to start: parsing the 16 KB of built-in templates took 0.2-0.3 s of every
// build, and compiling the ones a deck uses most of another 0.1 s. A template is taken from
// here only when its text is exactly the text that was compiled (a deck's own templates, or
// edited built-in ones, are parsed as before), and only by the Handlebars version that made it.
import Handlebars from './handlebars.js'

/** How every deck template is compiled (tests' strict mode is compiled at run time). */
export const COMPILE_OPTIONS = { strict: false, noEscape: false, preventIndent: true } as const

/** One template's parse (for the checks) and its compiled code (a Handlebars template spec). */
export interface PrecompiledTemplate {
  readonly ast: hbs.AST.Program
  readonly spec: string
}

/** What the package build writes to lib/precompiled-templates.json. */
export interface PrecompiledFile {
  readonly handlebars: string
  /** By the template's whole text. */
  readonly templates: Readonly<Record<string, PrecompiledTemplate>>
}

/** Parses and compiles each source; a template that does not parse is left to the build to report. */
export function precompileTemplates(sources: readonly string[]): PrecompiledFile {
  const templates: Record<string, PrecompiledTemplate> = {}
  for (const source of sources) {
    try {
      // Compiling from the text: the compiler rewrites parts of the tree it is given.
      templates[source] = { ast: Handlebars.parse(source), spec: String(Handlebars.precompile(source, COMPILE_OPTIONS)) }
    } catch {
      continue
    }
  }
  return { handlebars: Handlebars.VERSION, templates }
}

/** The table to look templates up in, or none when another Handlebars made the file. */
export function precompiledTable(file: PrecompiledFile | undefined): ReadonlyMap<string, PrecompiledTemplate> {
  return file?.handlebars === Handlebars.VERSION ? new Map(Object.entries(file.templates)) : new Map()
}

/** A template spec's code back as the object Handlebars.template takes. */
export function reviveSpec(spec: string): TemplateSpecification {
  // The same code Handlebars.compile would make with new Function, made when the package was built.
  return new Function(`return ${spec}`)() as TemplateSpecification
}
