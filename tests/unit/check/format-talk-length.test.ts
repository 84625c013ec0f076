import { describe, expect, it } from 'vitest'
import { formatTalkLength } from '../../../src/check/format-talk-length.js'

describe('formatTalkLength', () => {
  it('prints a row per chapter, a total and the verdict against the plan', () => {
    const lines = formatTalkLength(
      {
        chapters: [
          { number: 0, title: 'Opening', file: 'deck.yml', slides: 2, words: 10, minutes: 0.28 },
          { number: 1, title: 'Why', file: '01.md', slides: 5, words: 520, minutes: 4.5 },
        ],
        slides: 7,
        words: 530,
        minutes: 4.78,
        rate: 130,
      },
      4,
    )
    expect(lines[0]).toBe('talk length at 130 words a minute: about 4.8 minutes, over the planned 4')
    expect(lines).toContain('1  Why           5    520      4.5')
    expect(lines[lines.length - 1]).toBe('   total         7    530      4.8')
  })
})
