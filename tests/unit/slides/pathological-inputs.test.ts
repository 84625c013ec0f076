// Text made to be slow builds in time that grows with its length; structures nested too deeply
// are errors at their line. Bounds are generous: speed itself is measured by npm run bench:inputs.
import { describe, expect, it } from 'vitest'
import { PATHOLOGICAL_INPUTS } from '../../../scripts/pathological-inputs.mjs'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'
import { runCli } from '../../helpers/run-cli.js'
import { tempProject } from '../../helpers/temp-dir.js'

/** About 100 KB: a quadratic pattern takes tens of seconds here, a linear one well under one. */
const SIZE = 100_000
const BOUND_MS = 15_000

function build(text: string) {
  const chapter = parseChapter('/deck/01.md', text)
  const slides = buildSlides({ deck: deckConfig(), deckDir: '/deck', chapters: [chapter.value] })
  return [...chapter.diagnostics, ...slides.diagnostics]
}

describe('pathological chapters', () => {
  for (const input of PATHOLOGICAL_INPUTS) {
    it(`${input.name}: built within the bound${input.nested ? ', as an error at its line' : ''}`, { timeout: 60_000 }, () => {
      const text = input.make(SIZE)
      const started = performance.now()
      const diagnostics = build(text)
      expect(performance.now() - started).toBeLessThan(BOUND_MS)
      const nested = diagnostics.filter((d) => d.code === 'too-deeply-nested')
      if (input.nested) expect(nested.map((d) => d.span)).toEqual([{ file: '/deck/01.md', line: input.nested.line }])
      else expect(nested).toEqual([])
    })
  }

  it('2,000 nested > reach the user as file:line "too deeply nested", not a stack overflow', async () => {
    const root = tempProject({ 'content/x/deck.yml': 'title: X\n', 'content/x/01.md': `# T\n\n${'>'.repeat(2000)} deep\n` })
    const r = await runCli(root, 'build', 'x')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/content\/x\/01\.md:3(:\d+)?  error  .*nested 2000 levels deep/)
    expect(r.stderr).not.toMatch(/Maximum call stack/)
  })
})
