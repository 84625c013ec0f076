import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { parseFormats } from '../../../src/export/export-outputs.js'
import { deckReferences, inlineDeck, localPath } from '../../../src/export/inline-deck.js'
import { notesMarkdown, notesText } from '../../../src/export/notes-document.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'
import { resolveDeckConfig } from '../../../src/project/resolve-config.js'

describe('the notes export', () => {
  const deck = deckConfig({ title: 'Talk', agenda: false })
  const chapter = parseChapter('/deck/01-a.md', '---\ntitle: Start\n---\n\n## Hello\n\nBody\n\nNote:\nSay **hi**.\n\n- point one\n').value
  const slides = buildSlides({ deck, deckDir: '/deck', chapters: [chapter] }).value.slides

  it('gives each slide its number, chapter, title and notes in Markdown', () => {
    const md = notesMarkdown({ deck, slides })
    expect(md).toContain('# Talk — speaker notes')
    expect(md).toContain('## 3. Hello\n\nChapter: 01 Start\n\nSay **hi**.\n\n- point one')
    expect(md).toContain('## 1. Talk\n\nChapter: Opening\n\n*No notes.*')
  })

  it('and as plain text', () => {
    const txt = notesText({ deck, slides })
    expect(txt).toContain('Slide 3 · 01 Start\nHello\n\nSay hi.\n\n• point one')
  })
})

describe('the one-file HTML', () => {
  it('finds what the page loads, only inside the output folder', () => {
    const html = '<link rel="stylesheet" href="deck.css"><script src="reveal/reveal.js"></script><img src="media/a.png"><img src="https://x.test/b.png"><img src="../secret.png"><section data-background-image="media/bg.jpg"></section>'
    expect(deckReferences(html)).toEqual([
      { kind: 'stylesheet', path: 'deck.css' },
      { kind: 'script', path: 'reveal/reveal.js' },
      { kind: 'file', path: 'media/a.png' },
      { kind: 'file', path: 'media/bg.jpg' },
    ])
    expect(localPath('fonts/a%20b.woff2', 'reveal')).toBe('reveal/fonts/a b.woff2')
  })

  it('puts stylesheets, scripts and files inside the page', () => {
    const html = '<head><link rel="stylesheet" href="theme.css"></head><body><img src="media/a.png" alt="A"><script src="app.js"></script><p>after</p></body>'
    const text = new Map([['theme.css', '@font-face { src: url(fonts/f.woff2) }'], ['app.js', 'if (a </script> b) go()']])
    const bytes = new Map([['fonts/f.woff2', new Uint8Array([1, 2])], ['media/a.png', new Uint8Array([3])]])
    const out = inlineDeck(html, { text, bytes })
    expect(out).toContain('<style>/* theme.css */\n@font-face { src: url("data:font/woff2;base64,AQI=") }\n</style>')
    expect(out).toContain('<img src="data:image/png;base64,Aw==" alt="A">')
    expect(out).toContain('<script>/* app.js */\nif (a <\\/script> b) go()\n</script><p>after</p>')
  })
})

describe('export formats', () => {
  it('reads --to lists and rejects unknown names', () => {
    expect(parseFormats(['pptx,notes', 'pptx'])).toEqual(['pptx', 'notes'])
    expect(() => parseFormats(['gif'])).toThrow(expect.objectContaining({ diagnostic: expect.objectContaining({ code: 'export-format-unknown' }) }))
  })

  it("takes deck.yml's exports and reports a wrong one at its line", () => {
    expect(resolveDeckConfig('title: T\nexports: [pptx, notes]\n', '/d/deck.yml').value.exports).toEqual(['pptx', 'notes'])
    const bad = resolveDeckConfig('title: T\nexports: [pptx, slides]\n', '/d/deck.yml')
    expect(bad.diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ line: 2 }) })])
  })
})
