import { expect, it } from 'vitest'
import { fencedLines } from '../../../src/content/code-fences.js'

it('marks fenced lines, closing a fence only with the same character at least as long', () => {
  const lines = ['text', '~~~', '```', '---', '```', '~~~', '---', '````md', '```', '````']
  expect(fencedLines(lines)).toEqual([false, true, true, true, true, true, false, true, true, true])
})

it('keeps a never-closed fence open to the end', () => {
  expect(fencedLines(['```', 'Note: not notes'])).toEqual([true, true])
})
