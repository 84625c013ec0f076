import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { loadEmojiTable } from '../../../src/emoji/emoji-shortcodes.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

describe('emoji shortcodes', () => {
  it('become emoji in slides and notes; unknown ones and code stay as written', async () => {
    const emoji = await loadEmojiTable()
    const text = '## Launch :rocket:\n\nParty :tada: and :no_such_code: with `:tada:`\n\n```\n:tada:\n```\n\nNote: well done :+1:'
    const slide = buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/deck', chapters: [parseChapter('/deck/01.md', text).value], emoji }).value.slides[0]!
    expect(slide.data.title).toBe('Launch 🚀')
    expect(slide.data.body).toContain('Party 🎉 and :no_such_code: with <code>:tada:</code>')
    expect(slide.data.body).toContain('<code class="hljs">:tada:</code>')
    expect(slide.notesText).toBe('well done 👍')
  })
})
