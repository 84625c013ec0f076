import { describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { requireMermaid } from '../../../src/diagrams/render-diagrams.js'

const request = { key: 'k', source: 'graph TD; a-->b', span: { file: '/deck/01.md', line: 7 } }

describe('mermaid is an optional package', () => {
  it('a deck with diagrams and no mermaid gets an error at the first fence naming the package', () => {
    let thrown: unknown
    try {
      requireMermaid(request, () => {
        throw Object.assign(new Error('Cannot find module'), { code: 'MODULE_NOT_FOUND' })
      })
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(DeckError)
    const { diagnostic } = thrown as DeckError
    expect(diagnostic.code).toBe('diagram-package-missing')
    expect(diagnostic.span).toEqual(request.span)
    expect(diagnostic.hint).toContain('npm install mermaid')
  })

  it('is found where the project installs it', () => {
    expect(() => requireMermaid(request)).not.toThrow()
  })
})
