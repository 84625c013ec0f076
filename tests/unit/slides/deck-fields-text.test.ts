import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { detectScripts } from '../../../src/theme/detect-scripts.js'
import { deckConfig } from '../../helpers/deck-config.js'

describe('the text the fonts are planned for', () => {
  it("holds the deck.yml fields, so characters written only there get a font subset", () => {
    const deck = deckConfig({ title: '年度报告', author: 'Ada', event: 'Tōkyō' })
    const built = buildSlides({ deck, deckDir: '/deck', chapters: [parseChapter('/deck/01.md', '# Plain Latin\n\nOnly ASCII here.\n').value] }).value
    const all = built.texts.map((t) => t.text).join(' ')
    expect(all).toContain('年度报告')
    expect(all).toContain('Tōkyō')
    expect(detectScripts(all)).toContain('chinese')
  })
})
