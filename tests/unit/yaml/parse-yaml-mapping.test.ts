import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseYamlMapping } from '../../../src/yaml/parse-yaml-mapping.js'
import { allowedKeys, validateYamlMapping } from '../../../src/yaml/validate-yaml-mapping.js'

const schema = z
  .object({
    title: z.string(),
    count: z.number().default(0),
    nested: z.object({ paper: z.enum(['A4', 'Letter']).default('A4'), items: z.array(z.string()).default([]) }).strict().prefault({}),
  })
  .strict()

const validate = (text: string, lineOffset = 1) => validateYamlMapping(parseYamlMapping(text, 'x.yml', { lineOffset }), schema, 'x.yml')

describe('parseYamlMapping', () => {
  it('reads a mapping and keeps dates and yes/no as strings (core schema)', () => {
    const m = parseYamlMapping('title: Hi\ndate: 2026-01-15\nflag: yes\non: true\n', 'x.yml')
    expect(m.kind).toBe('mapping')
    expect(m.value).toEqual({ title: 'Hi', date: '2026-01-15', flag: 'yes', on: true })
  })

  it('reports a syntax error at its file line and column, shifted by lineOffset', () => {
    const m = parseYamlMapping('title: ok\nbad: a: b\n', 'ch.md', { lineOffset: 2 })
    expect(m.kind).toBe('syntax-error')
    expect(m.value).toBeUndefined()
    expect(m.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', severity: 'error', span: { file: 'ch.md', line: 3, column: 6 } })])
  })

  it('reports a duplicate key as a syntax error on the second occurrence', () => {
    const m = parseYamlMapping('a: 1\nb: 2\na: 3\n', 'x.yml')
    expect(m.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', span: { line: 3, column: 1 } })
  })

  it('tells an empty document and a list apart from a mapping', () => {
    expect(parseYamlMapping('# only a comment\n', 'x.yml').kind).toBe('empty')
    expect(parseYamlMapping('', 'x.yml').kind).toBe('empty')
    expect(parseYamlMapping('- a\n- b\n', 'x.yml').kind).toBe('other')
    expect(parseYamlMapping('just text', 'x.yml').kind).toBe('other')
  })

  it('does not resolve custom tags into code, and warns about them', () => {
    const m = parseYamlMapping('x: !!js/function "function () {}"\n', 'x.yml')
    expect(m.value).toEqual({ x: 'function () {}' })
    expect(m.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', severity: 'warning', span: expect.objectContaining({ line: 1 }) })])
  })

  it('locates key paths, list items, and falls back to the nearest parent', () => {
    const m = parseYamlMapping('title: T\nnested:\n  items:\n    - a\n    - b\n', 'x.yml', { lineOffset: 10 })
    expect(m.spanOf(['nested', 'items'])).toEqual({ file: 'x.yml', line: 12, column: 3 })
    expect(m.spanOf(['nested', 'items', 1])).toEqual({ file: 'x.yml', line: 14, column: 7 })
    expect(m.spanOf(['nested', 'missing'])).toEqual({ file: 'x.yml', line: 11, column: 1 })
    expect(m.spanOf(['absent'])).toEqual({ file: 'x.yml', line: 10, column: 1 })
    expect(m.has(['nested', 'items', 1])).toBe(true)
    expect(m.has(['nested', 'paper'])).toBe(false)
    expect(m.keySpans).toEqual({ title: { file: 'x.yml', line: 10, column: 1 }, nested: { file: 'x.yml', line: 11, column: 1 } })
  })
})

describe('validateYamlMapping', () => {
  it('returns the typed value with defaults', () => {
    expect(validate('title: T\n')).toEqual({ value: { title: 'T', count: 0, nested: { paper: 'A4', items: [] } }, diagnostics: [] })
  })

  it('reports an unknown key at its line, with a did-you-mean and the allowed keys', () => {
    const { value, diagnostics } = validate('title: T\ncuont: 3\n', 5)
    expect(value).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ code: 'config-unknown-key', span: { file: 'x.yml', line: 6, column: 1 } })
    expect(diagnostics[0]!.message).toContain('did you mean `count`?')
    expect(diagnostics[0]!.hint).toBe('allowed keys: title, count, nested')
  })

  it('does not suggest a key that is nothing like the unknown one', () => {
    const { diagnostics } = validate('title: T\nbackground: red\n')
    expect(diagnostics[0]!.code).toBe('config-unknown-key')
    expect(diagnostics[0]!.message).not.toContain('did you mean')
  })

  it('reports unknown nested keys with the nested allowed keys', () => {
    const { diagnostics } = validate('title: T\nnested:\n  papr: A4\n')
    expect(diagnostics[0]).toMatchObject({ code: 'config-unknown-key', span: { line: 3, column: 3 }, hint: 'allowed keys: paper, items' })
    expect(diagnostics[0]!.message).toContain('did you mean `paper`?')
  })

  it('reports a wrong type with what was expected and what was found', () => {
    const { diagnostics } = validate('title: T\ncount: many\n')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: { file: 'x.yml', line: 2, column: 1 } })])
    expect(diagnostics[0]!.message).toMatch(/^`count` must be a number, got string/)
  })

  it('reports a value outside an enum at the list item that holds it', () => {
    const { diagnostics } = validate('title: T\nnested:\n  items: [a]\n  paper: A5\n')
    expect(diagnostics[0]).toMatchObject({ code: 'config-invalid', span: { line: 4, column: 3 } })
    expect(diagnostics[0]!.message).toContain('`nested.paper` must be one of `A4`, `Letter`')
  })

  it('collects every problem instead of stopping at the first', () => {
    const { diagnostics } = validate('count: x\ntitel: T\nnested: 3\n')
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['config-invalid', 'config-invalid', 'config-invalid', 'config-unknown-key'])
    const missing = diagnostics.find((d) => d.message.includes('`title`') && d.code === 'config-invalid')
    expect(missing?.span).toMatchObject({ file: 'x.yml', line: 1 })
  })

  it('treats a key with no value as not written, and says so when it is required', () => {
    const { diagnostics } = validate('count: 1\ntitle:\n')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: { file: 'x.yml', line: 2, column: 1 } })])
    expect(diagnostics[0]!.message).toContain('has no value')
  })

  it('reports an empty document and a non-mapping as config-invalid', () => {
    expect(validate('').diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', message: 'x.yml is empty' })])
    expect(validate('- a\n').diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: { file: 'x.yml', line: 1 } })])
  })

  it('passes syntax errors through without adding a mapping error', () => {
    expect(validate('a: [\n').diagnostics.map((d) => d.code)).toEqual(['yaml-syntax'])
  })
})

describe('allowedKeys', () => {
  it('looks through defaults and prefaults to the object shape', () => {
    expect(allowedKeys(schema, [])).toEqual(['title', 'count', 'nested'])
    expect(allowedKeys(schema, ['nested'])).toEqual(['paper', 'items'])
    expect(allowedKeys(schema, ['count'])).toEqual([])
  })
})
