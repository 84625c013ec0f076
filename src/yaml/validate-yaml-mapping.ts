// Pure: a parsed YAML mapping + a zod schema -> typed value, or every problem located at its key.
import { closest, distance } from 'fastest-levenshtein'
import type { z } from 'zod'
import { error, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { YamlMapping, YamlPath } from './parse-yaml-mapping.js'

type Issue = z.core.$ZodIssue

/**
 * Validates a mapping against a schema of `.strict()` objects. `label` names the source in
 * messages ("deck.yml", "front matter"). A top-level key written with no value counts as not
 * written, so `subtitle:` left empty means "no subtitle". Returns undefined on any error.
 */
export function validateYamlMapping<S extends z.ZodType>(
  mapping: YamlMapping,
  schema: S,
  label: string,
): StageResult<z.output<S> | undefined> {
  const diagnostics: Diagnostic[] = [...mapping.diagnostics]
  if (mapping.kind !== 'mapping' || !mapping.value) {
    if (mapping.kind !== 'syntax-error') diagnostics.push(notAMapping(mapping, label))
    return { value: undefined, diagnostics }
  }
  const input = dropEmptyValues(mapping.value)
  const result = schema.safeParse(input)
  if (result.success) return { value: result.data, diagnostics }
  const found = result.error.issues.flatMap((issue) => describeIssue(issue, input, mapping, schema, label))
  // In file order, so the user reads them top to bottom like the file.
  found.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0))
  return { value: undefined, diagnostics: [...diagnostics, ...found] }
}

function notAMapping(mapping: YamlMapping, label: string): Diagnostic {
  const span = { file: mapping.file, line: mapping.spanOf([]).line }
  if (mapping.kind === 'empty') return error('config-invalid', `${label} is empty`, span, 'write its keys as `key: value` lines, e.g. `title: My talk`')
  return error('config-invalid', `${label} must be a mapping of keys (\`key: value\` lines)`, span, 'write its keys as `key: value` lines, e.g. `title: My talk`')
}

function describeIssue(issue: Issue, input: unknown, mapping: YamlMapping, schema: z.ZodType, label: string): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, path)
    return issue.keys.map((key) => unknownKey([...path, key], key, allowed, mapping, label))
  }
  if (issue.code === 'invalid_union') {
    // A value of the right kind for one branch (a mapping with a misspelt key) gets that
    // branch's own problems, rather than "no branch matched".
    const branch = issue.errors.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0))
    if (branch) return branch.flatMap((i) => describeIssue({ ...i, path: [...issue.path, ...i.path] } as Issue, input, mapping, schema, label))
    const kinds = [...new Set(issue.errors.flatMap((b) => b.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [typeName(i.expected)] : []))))]
    if (kinds.length > 0) return [error('config-invalid', `\`${showPath(path)}\` must be ${kinds.join(' or ')}, got ${describeValue(valueAt(input, path))}`, mapping.spanOf(path))]
  }
  const name = showPath(path)
  const span = mapping.spanOf(path)
  const actual = valueAt(input, path)
  if (actual === undefined && issue.code === 'invalid_type') {
    if (mapping.has(path)) return [error('config-invalid', `\`${name}\` in ${label} has no value`, span, `add a value: \`${name}: …\``)]
    const key = String(path[path.length - 1])
    const parent = path.length > 1 ? ` under \`${showPath(path.slice(0, -1))}\`` : ''
    return [error('config-invalid', `${label} has no \`${key}\`${parent}`, span, `add a line \`${key}: …\`${parent}`)]
  }
  return [error('config-invalid', `\`${name}\` ${expectation(issue)}, got ${describeValue(actual)}`, span)]
}

function unknownKey(path: YamlPath, key: string, allowed: readonly string[], mapping: YamlMapping, label: string): Diagnostic {
  const guess = suggestKey(key, allowed)
  const where = path.length > 1 ? ` under \`${showPath(path.slice(0, -1))}\`` : ''
  const message = `Unknown key \`${key}\`${where} in ${label}${guess ? `; did you mean \`${guess}\`?` : ''}`
  const hint = allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : undefined
  return error('config-unknown-key', message, mapping.spanOf(path), hint)
}

/** The allowed key the user probably meant: a near typo, or a longer/shorter form (`output` -> `out`). */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined
  const lower = key.toLowerCase()
  const guess = closest(key, [...allowed])
  if (distance(lower, guess.toLowerCase()) <= typoDistance(guess)) return guess
  return allowed.find((a) => a.length >= 3 && lower.length >= 3 && (lower.startsWith(a.toLowerCase()) || a.toLowerCase().startsWith(lower)))
}

/** Edits a typo may plausibly contain: one for short keys, about a third of longer ones. */
function typoDistance(key: string): number {
  return key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 3))
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${typeName(issue.expected)}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`
    case 'custom':
      // The schema's own words ("is not a CSS colour …").
      return issue.message
    default:
      return `is not valid (${issue.message})`
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = { record: 'a mapping', object: 'a mapping', array: 'a list', boolean: 'true or false', number: 'a number', string: 'a string' }
  return names[expected] ?? `a ${expected}`
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  return `${typeof value} ${String(value)}`
}

function showPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let current = root
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

function dropEmptyValues(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
}

/** The keys an object schema accepts at `path`, looking through optional/default/pipe wrappers and unions. */
export function allowedKeys(schema: z.ZodType, path: YamlPath): string[] {
  let current: z.core.$ZodType | undefined = schema
  for (const segment of path) {
    const def = definition(current)
    if (def?.type === 'object') current = (def.shape as Record<string, z.core.$ZodType>)[String(segment)]
    else if (def?.type === 'array') current = def.element as z.core.$ZodType
    else if (def?.type === 'union') current = objectOptions(def).find((shape) => String(segment) in shape)?.[String(segment)]
    else return []
  }
  const def = definition(current)
  if (def?.type === 'object') return Object.keys(def.shape as object)
  return def?.type === 'union' ? [...new Set(objectOptions(def).flatMap((shape) => Object.keys(shape)))] : []
}

function definition(schema: z.core.$ZodType | undefined): Record<string, unknown> | undefined {
  return unwrap(schema)?._zod.def as unknown as Record<string, unknown> | undefined
}

/** The shapes of a union's object options. */
function objectOptions(def: Record<string, unknown>): Record<string, z.core.$ZodType>[] {
  return (def.options as z.core.$ZodType[]).flatMap((option) => {
    const inner = definition(option)
    return inner?.type === 'object' ? [inner.shape as Record<string, z.core.$ZodType>] : []
  })
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema
  for (let i = 0; current && i < 10; i++) {
    const def = current._zod.def as unknown as Record<string, unknown>
    if ('innerType' in def) current = def.innerType as z.core.$ZodType
    else if (def.type === 'pipe') current = ((def.in as z.core.$ZodType)._zod.def.type === 'transform' ? def.out : def.in) as z.core.$ZodType
    else break
  }
  return current
}
