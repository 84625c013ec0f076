// Pure: finds every broken template before anything renders (syntax, unknown partials and
// helpers, partials that include themselves), slides, print layouts and the preview's print menu alike.
import Handlebars from './handlebars.js'
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import { printPartials, type TemplateFile, type TemplateSet } from './load-templates.js'
import { BUILT_IN_HELPERS } from './template-helpers.js'

type Node = hbs.AST.Node & Record<string, unknown>

/** Every problem in every template and partial of the set, all at once. */
export function checkTemplates(set: TemplateSet, helperNames: readonly string[]): Diagnostic[] {
  const helpers = new Set([...BUILT_IN_HELPERS, ...helperNames])
  const print = printPartials(set)
  const deckKnown: Known = { helpers, partials: [...set.partials.keys()].sort(), searched: set.searched }
  // Print layouts may include every partial a slide may, and the print pieces (cover, bookmarks…).
  const printKnown: Known = { ...deckKnown, partials: [...print.keys()].sort() }
  // The preview's templates (its print menu) run with no partials (see renderPrintMenu).
  const serveKnown: Known = { ...deckKnown, partials: [], partialsHint: 'the preview\'s templates (templates/serve/*.hbs) include no partials' }
  const checked = new Map<TemplateFile, Checked>()
  // Each template once, though a deck partial is seen by both namespaces.
  const check = (t: TemplateFile, known: Known): Diagnostic[] => {
    if (checked.has(t)) return []
    const result = checkTemplate(t, known)
    checked.set(t, result)
    return result.diagnostics
  }
  return [
    ...[set.shell, ...set.slides.values(), ...set.partials.values()].flatMap((t) => check(t, deckKnown)),
    ...[...set.handouts.values()].flatMap((t) => check(t, printKnown)),
    ...[...set.serve.values()].flatMap((t) => check(t, serveKnown)),
    ...unique([...partialCycles(set.partials, checked), ...partialCycles(print, checked)]),
  ]
}

/** A cycle among deck partials shows in both namespaces: told once. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...new Map(diagnostics.map((d) => [d.message, d])).values()]
}

interface Known {
  readonly helpers: ReadonlySet<string>
  readonly partials: readonly string[]
  readonly searched: readonly string[]
  /** Where the partials come from, when not templates/partials/. */
  readonly partialsHint?: string
}

interface Checked {
  readonly diagnostics: Diagnostic[]
  /** The partials the template includes by name, each where it does. */
  readonly includes: readonly { readonly name: string; readonly span: SourceSpan }[]
}

function checkTemplate(template: TemplateFile, known: Known): Checked {
  let ast: hbs.AST.Program
  try {
    ast = template.precompiled?.ast ?? Handlebars.parse(template.source)
  } catch (err) {
    return { diagnostics: [syntaxError(template.file, template.source, err)], includes: [] }
  }
  const inline = inlinePartials(ast)
  const diagnostics: Diagnostic[] = []
  const includes: { name: string; span: SourceSpan }[] = []
  walk(ast as unknown as Node, (node) => {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = partialName(node.name as Node)
      if (name !== undefined && !inline.has(name)) includes.push({ name, span: spanOf(template.file, node) })
    }
    const problem = checkNode(node, template.file, known, inline)
    if (problem) diagnostics.push(problem)
  })
  return { diagnostics, includes }
}

/** Partials that include themselves, directly or through others: each cycle once, at the include that closes it. */
function partialCycles(partials: ReadonlyMap<string, TemplateFile>, checked: ReadonlyMap<TemplateFile, Checked>): Diagnostic[] {
  const found = new Map<string, Diagnostic>()
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (name: string): void => {
    state.set(name, 'open')
    path.push(name)
    for (const include of checked.get(partials.get(name)!)?.includes ?? []) {
      if (!partials.has(include.name)) continue
      if (state.get(include.name) === 'open') {
        const cycle = [...path.slice(path.indexOf(include.name)), include.name]
        const key = [...new Set(cycle)].sort().join(' ')
        if (!found.has(key)) {
          found.set(key, error('partial-cycle', `Partials include each other in a cycle: ${cycle.join(' → ')}`, include.span, 'a partial may not include itself, directly or through others'))
        }
      } else if (!state.has(include.name)) visit(include.name)
    }
    path.pop()
    state.set(name, 'done')
  }
  for (const name of [...partials.keys()].sort()) if (!state.has(name)) visit(name)
  return [...found.values()]
}

function checkNode(node: Node, file: string, known: Known, inline: ReadonlySet<string>): Diagnostic | undefined {
  // `{{#> name}}fallback{{/name}}` may name a partial that does not exist: its block stands in.
  if (node.type === 'PartialStatement') {
    const name = partialName(node.name as Node)
    if (name === undefined || known.partials.includes(name) || inline.has(name)) return undefined
    const available = known.partials.length > 0 ? known.partials.join(', ') : 'none'
    return error('partial-not-found', `Partial "${name}" not found; available: ${available}`, spanOf(file, node), lookedIn(known))
  }
  if (!isHelperCall(node)) return undefined
  const name = simpleName(node.path as Node)
  if (name === undefined || known.helpers.has(name)) return undefined
  return error(
    'helper-not-found',
    `Helper "${name}" is not registered`,
    spanOf(file, node),
    `known helpers: ${[...known.helpers].sort().join(', ')}`,
  )
}

/** A mustache, block or subexpression with arguments calls its path as a helper. */
function isHelperCall(node: Node): boolean {
  if (!['MustacheStatement', 'BlockStatement', 'SubExpression'].includes(node.type)) return false
  const params = (node.params as unknown[] | undefined) ?? []
  const hash = node.hash as { pairs: unknown[] } | undefined
  return node.type === 'SubExpression' || params.length > 0 || (hash?.pairs.length ?? 0) > 0
}

/** `foo`, but not `this.foo`, `../foo`, `@foo` or `a.b`: only simple ids resolve to helpers. */
function simpleName(path: Node): string | undefined {
  if (path.type !== 'PathExpression') return undefined
  const p = path as unknown as hbs.AST.PathExpression
  if (p.data || p.depth > 0 || p.parts.length !== 1 || p.original !== p.parts[0]) return undefined
  return p.parts[0]
}

function partialName(name: Node): string | undefined {
  if (name.type === 'PathExpression') {
    const p = name as unknown as hbs.AST.PathExpression
    return p.data ? undefined : p.original // @partial-block is supplied by the caller
  }
  if (name.type === 'StringLiteral') return (name as unknown as hbs.AST.StringLiteral).value
  return undefined // dynamic `{{> (expr)}}`: only known when it runs
}

/** Names declared with `{{#*inline "name"}}` in the template itself. */
function inlinePartials(ast: hbs.AST.Program): ReadonlySet<string> {
  const names = new Set<string>()
  walk(ast as unknown as Node, (node) => {
    if (node.type !== 'DecoratorBlock') return
    const first = (node.params as Node[])[0]
    if (first?.type === 'StringLiteral') names.add((first as unknown as hbs.AST.StringLiteral).value)
  })
  return names
}

/** Visits every node below `node`, depth first, in source order. */
function walk(node: Node, visit: (n: Node) => void): void {
  visit(node)
  for (const key of ['body', 'path', 'name', 'params', 'hash', 'pairs', 'value', 'program', 'inverse']) {
    const child = node[key]
    if (Array.isArray(child)) for (const c of child) walkIfNode(c, visit)
    else walkIfNode(child, visit)
  }
}

function walkIfNode(value: unknown, visit: (n: Node) => void): void {
  if (value && typeof value === 'object' && typeof (value as Node).type === 'string') walk(value as Node, visit)
}

function spanOf(file: string, node: Node): SourceSpan {
  const start = (node.loc as hbs.AST.SourceLocation | undefined)?.start
  return start ? { file, line: start.line, column: start.column + 1 } : { file, line: 1 }
}

function lookedIn(known: Known): string {
  if (known.partialsHint) return known.partialsHint
  return `partials are templates/partials/*.hbs; looked in: ${known.searched.join(', ')}`
}

/** Handlebars reports "Parse error on line 3:" or "x doesn't match y - 3:5" (with lineNumber). */
function syntaxError(file: string, source: string, err: unknown): Diagnostic {
  const e = err as { message?: string; lineNumber?: number; column?: number }
  const message = String(e.message ?? err)
  const lines = message.split('\n')
  // At end of input the parser only knows the last line; the block left open is what to fix.
  const unclosed = /got 'EOF'/.test(message) ? lastUnclosedBlock(source) : undefined
  if (unclosed) {
    return error('template-syntax', `Template syntax error: {{#${unclosed.name}}} is never closed`, { file, line: unclosed.line }, `add {{/${unclosed.name}}}`)
  }
  const line = e.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1)
  const span: SourceSpan = typeof e.column === 'number' ? { file, line, column: e.column + 1 } : { file, line }
  const detail = lines.length > 1 ? `: ${lines[lines.length - 1]}` : ''
  return error('template-syntax', `Template syntax error: ${lines[0]!.replace(/:$/, '')}${detail}`, span)
}

const BLOCK_TAG = /\{\{~?\s*([#/])\s*(?:[>*]\s*)?([^\s}~()]+)/g

/** The innermost `{{#block}}` without its `{{/block}}`, by a plain scan of the tags. */
function lastUnclosedBlock(source: string): { name: string; line: number } | undefined {
  const open: { name: string; line: number }[] = []
  const withoutComments = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '))
  for (const m of withoutComments.matchAll(BLOCK_TAG)) {
    if (m[1] === '#') open.push({ name: m[2]!, line: withoutComments.slice(0, m.index).split('\n').length })
    else if (open.length > 0 && open[open.length - 1]!.name === m[2]) open.pop()
  }
  return open[open.length - 1]
}
