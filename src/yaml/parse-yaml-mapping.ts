// Pure: YAML text -> plain mapping plus a way to locate any key path in the source.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'

export type YamlPath = readonly (string | number)[]

/** What the text held: a mapping, nothing at all, something else (a list, a scalar), or broken YAML. */
export type YamlKind = 'mapping' | 'empty' | 'other' | 'syntax-error'

export interface YamlMapping {
  readonly file: string
  /** The mapping as plain data; undefined unless `kind` is 'mapping'. */
  readonly value: Record<string, unknown> | undefined
  readonly kind: YamlKind
  /** Syntax errors (and warnings such as unknown tags), located in the file. */
  readonly diagnostics: readonly Diagnostic[]
  /** Where a key path was written; falls back to the nearest written parent, then to the text's first line. */
  readonly spanOf: (path: YamlPath) => SourceSpan
  /** Whether the path was written at all (even with an empty value). */
  readonly has: (path: YamlPath) => boolean
  /** The span of each top-level key, for errors found after validation. */
  readonly keySpans: Readonly<Record<string, SourceSpan>>
  /** A plain scalar's text as written (`1.10`, `007`), which YAML would read as a number. */
  readonly sourceText: (path: YamlPath) => string | undefined
}

export interface ParseYamlOptions {
  /** File line of the text's first line (front matter starts on line 2). @defaultValue 1 */
  readonly lineOffset?: number
}

/** Parses `text` (written at `lineOffset` of `file`) as a YAML mapping with the core schema. */
export function parseYamlMapping(text: string, file: string, options: ParseYamlOptions = {}): YamlMapping {
  const lineOffset = options.lineOffset ?? 1
  const lineCounter = new LineCounter()
  // 'core' (YAML 1.2): no timestamps (dates stay strings), no custom tags, nothing that runs code.
  const doc = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true })
  const spanAt = (offset: number): SourceSpan => {
    const pos = lineCounter.linePos(offset)
    return { file, line: pos.line + lineOffset - 1, column: pos.col }
  }
  const diagnostics: Diagnostic[] = [
    ...doc.errors.map((e) => error('yaml-syntax', `YAML syntax error: ${firstLine(e.message)}`, spanAt(e.pos[0]))),
    ...doc.warnings.map((e) => warning('yaml-syntax', `YAML: ${firstLine(e.message)}`, spanAt(e.pos[0]))),
  ]
  const spanOf = (path: YamlPath): SourceSpan => {
    const node = locate(doc, path).node
    return node?.range ? spanAt(node.range[0]) : { file, line: lineOffset }
  }
  const has = (path: YamlPath): boolean => locate(doc, path).found
  const sourceText = (path: YamlPath): string | undefined => {
    const node = doc.getIn(path, true)
    return isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined
  }
  const kind = kindOf(doc)
  const value = kind === 'mapping' ? toPlain(doc, diagnostics, spanAt) : undefined
  return { file, value, kind: value || kind !== 'mapping' ? kind : 'syntax-error', diagnostics, spanOf, has, keySpans: topKeySpans(doc, spanAt), sourceText }
}

/**
 * The mapping with each of `keys` (a top-level key or a key path) that YAML read as a number or
 * boolean put back as written: a text field keeps its text (`subtitle: 1.10` is "1.10", not 1.1;
 * `title: 007` is "007").
 */
export function keepTextAsWritten(mapping: YamlMapping, keys: readonly (string | YamlPath)[]): YamlMapping {
  if (!mapping.value) return mapping
  const value = { ...mapping.value }
  for (const key of keys) {
    const path = typeof key === 'string' ? [key] : key
    const parent = path.slice(0, -1).reduce<unknown>((node, part) => {
      if (!isRecord(node) || !isRecord(node[part])) return undefined
      // Copy on the way down, so the parsed mapping itself is never changed.
      node[part] = { ...node[part] }
      return node[part]
    }, value)
    const last = path[path.length - 1]!
    if (!isRecord(parent)) continue
    const written = typeof parent[last] === 'number' || typeof parent[last] === 'boolean' ? mapping.sourceText(path) : undefined
    if (written !== undefined) parent[last] = written
  }
  return { ...mapping, value }
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(doc: Document): YamlKind {
  if (doc.errors.length > 0) return 'syntax-error'
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return 'empty'
  return isMap(doc.contents) ? 'mapping' : 'other'
}

function toPlain(doc: Document, diagnostics: Diagnostic[], spanAt: (offset: number) => SourceSpan): Record<string, unknown> | undefined {
  try {
    // maxAliasCount guards against alias bombs ("billion laughs").
    return doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    diagnostics.push(error('yaml-syntax', `YAML could not be read: ${firstLine(message)}`, spanAt(0)))
    return undefined
  }
}

/**
 * Walks a key path through the document. `node` is what a message should point at: the key of a
 * mapping entry, the item of a list, or the deepest parent written when the path stops early.
 */
function locate(doc: Document, path: YamlPath): { node: Node | undefined; found: boolean } {
  let current: unknown = doc.contents
  let pointer: Node | undefined = isNode(current) ? current : undefined
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => keyText(p.key) === String(segment))
      if (!pair) return { node: pointer, found: false }
      pointer = isNode(pair.key) ? pair.key : pointer
      current = pair.value
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment] !== undefined) {
      current = current.items[segment]
      pointer = isNode(current) ? current : pointer
    } else {
      return { node: pointer, found: false }
    }
  }
  return { node: pointer, found: true }
}

function topKeySpans(doc: Document, spanAt: (offset: number) => SourceSpan): Record<string, SourceSpan> {
  const spans: Record<string, SourceSpan> = {}
  if (!isMap(doc.contents)) return spans
  for (const pair of doc.contents.items) {
    const key = keyText(pair.key)
    if (key !== undefined && isNode(pair.key) && pair.key.range) spans[key] = spanAt(pair.key.range[0])
  }
  return spans
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim()
}
