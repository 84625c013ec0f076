// Pure: finds every broken template before anything renders (syntax, unknown partials and helpers).
import Handlebars from './handlebars.js'
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { TemplateFile, TemplateSet } from './load-templates.js'

/** Handlebars' own helpers; `helperMissing`/`blockHelperMissing` are hooks, never called by name. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log']

type Node = hbs.AST.Node & Record<string, unknown>

/** Every problem in every template and partial of the set, all at once. */
export function checkTemplates(set: TemplateSet, helperNames: readonly string[]): Diagnostic[] {
  const helpers = new Set([...BUILT_IN_HELPERS, ...helperNames])
  const partials = [...set.partials.keys()].sort()
  const deckKnown = { helpers, partials, searched: set.searched }
  // Handout layouts share pieces (a ruled sheet, bookmarks) by including one another as partials.
  const handoutKnown = { ...deckKnown, partials: [...new Set([...partials, ...set.handouts.keys()])].sort() }
  const deckTemplates: TemplateFile[] = [set.shell, ...set.slides.values(), ...set.partials.values()]
  return [
    ...deckTemplates.flatMap((t) => checkTemplate(t, deckKnown)),
    ...[...set.handouts.values()].flatMap((t) => checkTemplate(t, handoutKnown)),
  ]
}

interface Known {
  readonly helpers: ReadonlySet<string>
  readonly partials: readonly string[]
  readonly searched: readonly string[]
}

function checkTemplate(template: TemplateFile, known: Known): Diagnostic[] {
  let ast: hbs.AST.Program
  try {
    ast = Handlebars.parse(template.source)
  } catch (err) {
    return [syntaxError(template.file, template.source, err)]
  }
  const inline = inlinePartials(ast)
  const found: Diagnostic[] = []
  walk(ast as unknown as Node, (node) => {
    const problem = checkNode(node, template.file, known, inline)
    if (problem) found.push(problem)
  })
  return found
}

function checkNode(node: Node, file: string, known: Known, inline: ReadonlySet<string>): Diagnostic | undefined {
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
    return error('template-syntax', `Template syntax error in ${file}: {{#${unclosed.name}}} is never closed`, { file, line: unclosed.line }, `add {{/${unclosed.name}}}`)
  }
  const line = e.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1)
  const span: SourceSpan = typeof e.column === 'number' ? { file, line, column: e.column + 1 } : { file, line }
  const detail = lines.length > 1 ? `: ${lines[lines.length - 1]}` : ''
  return error('template-syntax', `Template syntax error in ${file}: ${lines[0]!.replace(/:$/, '')}${detail}`, span)
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
