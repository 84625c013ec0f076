// Pure: theme.yml text -> validated ThemeInput, with the line of every key so that later
// checks (contrast, missing files) can point at the line that set a value.
import { closest } from 'fastest-levenshtein'
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import type { z } from 'zod'
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import { themeInputSchema, type ThemeInput } from './theme-schema.js'

/** Dotted key path (`colors.code.keyword`, `fonts.heading.files.0.file`) -> where it was written. */
export type KeySpans = Readonly<Record<string, SourceSpan>>

export interface ParsedTheme {
  readonly input: ThemeInput
  readonly spans: KeySpans
  readonly file: string
}

/** Parses and validates one theme.yml; returns null with diagnostics when it is not usable. */
export function parseThemeYaml(text: string, file: string): { value: ParsedTheme | null; diagnostics: Diagnostic[] } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const at = (offset: number | undefined): SourceSpan => {
    const pos = lines.linePos(offset ?? 0)
    return { file, line: pos.line, column: pos.col }
  }
  if (doc.errors.length > 0) {
    return { value: null, diagnostics: doc.errors.map((e) => error('yaml-syntax', `YAML syntax error in theme: ${e.message.split('\n')[0]}`, at(e.pos[0]))) }
  }
  const spans: Record<string, SourceSpan> = {}
  collectSpans(doc.contents, [], spans, at)
  let data: unknown
  try {
    // maxAliasCount guards against alias bombs ("billion laughs"), as for deck.yml.
    data = keepTextAsWritten(doc, doc.toJS({ maxAliasCount: 100 }) ?? {})
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause)
    return { value: null, diagnostics: [error('yaml-syntax', `YAML could not be read: ${message}`, at(0))] }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { value: null, diagnostics: [error('theme-invalid', 'A theme.yml must be a mapping of keys (name, colors, fonts, logo…)', { file, line: 1 })] }
  }
  const result = themeInputSchema.safeParse(data)
  if (result.success) return { value: { input: result.data, spans, file }, diagnostics: [] }
  const found = result.error.issues.flatMap((issue) => issueToDiagnostics(issue, spans, file))
  // In file order, so they read top to bottom like the file.
  found.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0))
  return { value: null, diagnostics: found }
}

const TEXT_PATHS = [['name'], ['description'], ['footer'], ['logo', 'alt']] as const

/** Text fields keep their text as written: `footer: 2026` is "2026", `name: 1.10` is "1.10". */
function keepTextAsWritten(doc: Document, data: unknown): unknown {
  if (!isPlainObject(data)) return data
  for (const path of TEXT_PATHS) {
    const node = doc.getIn(path, true)
    if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.source !== 'string' || typeof node.value === 'string') continue
    const parent = path.length === 1 ? data : data[path[0]]
    if (isPlainObject(parent)) parent[path[path.length - 1]!] = node.source
  }
  return data
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function collectSpans(node: unknown, path: readonly string[], spans: Record<string, SourceSpan>, at: (offset: number | undefined) => SourceSpan): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue
      const keyPath = [...path, String(pair.key.value)]
      spans[keyPath.join('.')] = at(pair.key.range?.[0])
      collectSpans(pair.value, keyPath, spans, at)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const itemPath = [...path, String(i)]
      spans[itemPath.join('.')] = at((item as Node | null)?.range?.[0])
      collectSpans(item, itemPath, spans, at)
    })
  }
}

/** The nearest span recorded for a path or one of its parents. */
export function spanOf(spans: KeySpans, path: readonly (string | number)[], file: string): SourceSpan {
  for (let n = path.length; n > 0; n--) {
    const span = spans[path.slice(0, n).join('.')]
    if (span) return span
  }
  return { file, line: 1 }
}

function issueToDiagnostics(issue: z.core.$ZodIssue, spans: KeySpans, file: string): Diagnostic[] {
  const path = issue.path.map(String)
  const where = path.length > 0 ? `"${path.join('.')}"` : 'the top level'
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(path)
    return issue.keys.map((key) => {
      const guess = allowed.length > 0 ? closest(key, allowed) : undefined
      const hint = guess ? `Did you mean "${guess}"? Allowed here: ${allowed.join(', ')}` : undefined
      return error('theme-invalid', `Unknown key "${key}" in ${where} of the theme`, spanOf(spans, [...path, key], file), hint)
    })
  }
  if (issue.code === 'invalid_union') {
    // Report the object branch's own problems (a misspelt key) rather than "no branch matched".
    const objectBranch = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0))
    if (objectBranch) return objectBranch.flatMap((i) => issueToDiagnostics({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, spans, file))
    return [error('theme-invalid', `${where} must be a bundled font name (e.g. Inter) or { family, file, weight } / { family, files: [...] }`, spanOf(spans, path, file))]
  }
  return [error('theme-invalid', `${where} ${issue.message.replace(/^Invalid input: /, '')}`, spanOf(spans, path, file))]
}

/** Keys the schema allows at a path, for did-you-mean hints. */
export function allowedKeysAt(path: readonly string[]): string[] {
  let node: unknown = themeInputSchema
  for (const part of path) {
    const shape = objectShape(node)
    if (shape) node = shape[part]
    else node = unwrap(node)?.element
    if (!node) return []
  }
  return Object.keys(objectShape(node) ?? {})
}

interface SchemaDef { type: string; innerType?: unknown; shape?: Record<string, unknown>; options?: unknown[]; element?: unknown }

function unwrap(schema: unknown): SchemaDef | undefined {
  let def = (schema as { _zod?: { def: SchemaDef } } | undefined)?._zod?.def
  while (def && (def.type === 'optional' || def.type === 'nullable')) def = (def.innerType as { _zod: { def: SchemaDef } })._zod.def
  return def
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  const def = unwrap(schema)
  if (def?.type === 'object') return def.shape
  if (def?.type === 'union') {
    for (const option of def.options ?? []) {
      const shape = objectShape(option)
      if (shape) return shape
    }
  }
  return undefined
}
