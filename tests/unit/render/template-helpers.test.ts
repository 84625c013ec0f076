import { describe, expect, it } from 'vitest'
import Handlebars from 'handlebars'
import { HELPER_NAMES, createTemplateEngine } from '../../../src/render/template-helpers.js'

const run = (source: string, data: unknown = {}): string => createTemplateEngine().compile(source)(data)

describe('template helpers', () => {
  it('compute what layouts need', () => {
    expect(run('{{pad2 n}}|{{inc i}}|{{count xs}}|{{join xs " · "}}|{{lines t}}', { n: 3, i: 0, xs: ['a', '', 'b'], t: 'a\nb\nc\n' })).toBe('03|1|3|a · b|3')
    expect(run('{{#if (and (eq a 1) (gt b 2) (not c))}}yes{{/if}}', { a: 1, b: 3, c: false })).toBe('yes')
    expect(run('{{#if (or x y)}}yes{{else}}no{{/if}}', { x: 0, y: '' })).toBe('no')
  })

  it('stay off the global Handlebars instance', () => {
    createTemplateEngine()
    for (const name of HELPER_NAMES) expect(Handlebars.helpers[name], name).toBeUndefined()
  })
})
