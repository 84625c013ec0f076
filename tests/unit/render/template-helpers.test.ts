import { describe, expect, it } from 'vitest'
// The Handlebars build the engine itself loads (its bundle, see handlebars.ts), not the package's Node entry.
import Handlebars from '../../../src/render/handlebars.js'
import { HELPER_NAMES, createTemplateEngine } from '../../../src/render/template-helpers.js'

const run = (source: string, data: unknown = {}): string => createTemplateEngine().compile(source)(data)

describe('template helpers', () => {
  it('compute what layouts need', () => {
    expect(run('{{pad2 n}}|{{inc i}}|{{count xs}}|{{join xs " · "}}|{{lines t}}', { n: 3, i: 0, xs: ['a', '', 'b'], t: 'a\nb\nc\n' })).toBe('03|1|3|a · b|3')
    expect(run('{{#if (and (eq a 1) (gt b 2) (not c))}}yes{{/if}}', { a: 1, b: 3, c: false })).toBe('yes')
    expect(run('{{#if (or x y)}}yes{{else}}no{{/if}}', { x: 0, y: '' })).toBe('no')
    expect(run('content: {{cssString t}}', { t: 'a "b" </style>' })).toBe('content: "a \\"b\\" \\3c /style>"')
  })

  it('give json without an argument as null, never Handlebars\' own options', () => {
    expect(run('{{json}}')).toBe('null')
    expect(run('{{json x}}', { x: { a: '</script>' } })).toBe('{"a":"\\u003c/script>"}')
  })

  it('stay off the global Handlebars instance', () => {
    createTemplateEngine()
    for (const name of HELPER_NAMES) expect(Handlebars.helpers[name], name).toBeUndefined()
    // The same instance the engine was made from cannot call them: a global registration would let it.
    expect(() => Handlebars.compile('{{pad2 3}}')({})).toThrow(/pad2/)
    expect(createTemplateEngine().compile('{{pad2 3}}')({})).toBe('03')
  })

  it('tell where in the template a helper threw', () => {
    const err = (() => {
      try {
        run('one\n  {{#each}}{{/each}}')
      } catch (e) {
        return e as { lineNumber?: number; column?: number }
      }
    })()
    expect(err).toMatchObject({ lineNumber: 2, column: 2 })
  })
})
