import { describe, expect, it } from 'vitest'
import { sortByPlace, warning } from '../../../src/diagnostics/diagnostic.js'

describe('sortByPlace', () => {
  it('orders by file, then line; those without a place first; ties as given', () => {
    const at = (message: string, file?: string, line = 1) => warning('request-blocked', message, file ? { file, line } : undefined)
    const given = [at('b15', 'b.md', 15), at('a9', 'a.md', 9), at('none'), at('b3', 'b.md', 3), at('b3 again', 'b.md', 3), at('a2', 'a.md', 2)]
    expect(sortByPlace(given).map((d) => d.message)).toEqual(['none', 'a2', 'a9', 'b3', 'b3 again', 'b15'])
    expect(given[0]!.message).toBe('b15') // the input is left as it was
  })
})
