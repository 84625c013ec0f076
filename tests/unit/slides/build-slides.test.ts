import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import type { Chapter, DeckConfig } from '../../../src/model.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

const chapter = (name: string, text: string): Chapter => parseChapter(`/deck/${name}`, text).value
const build = (chapters: Chapter[], deck: Partial<DeckConfig> = {}) =>
  buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false, ...deck }), deckDir: '/deck', chapters })
const only = (text: string, deck: Partial<DeckConfig> = {}) => build([chapter('01-a.md', text)], deck).value.slides[0]!

describe('buildSlides: layout inference', () => {
  it.each([
    ['# Part two', 'section'],
    ['## Part two\n\nA short line under it', 'section'],
    ['> Be kind.\n>\n> — Someone', 'quote'],
    ['![A chart](chart.png)', 'image'],
    ['## Loop\n\n```python\nfor x in y:\n    pass\n```', 'code'],
    [':::columns\nleft\n|||\nright\n:::', 'two-column'],
    ['## Points\n\n- one\n- two', 'content'],
  ])('%j is a %s slide', (text, layout) => {
    expect(only(text).layout).toBe(layout)
  })

  it('uses the named template over inference', () => {
    expect(only('<!-- template: timeline -->\n# Section-like').layout).toBe('timeline')
  })
})

describe('buildSlides: data for templates', () => {
  it('gives title, lead and items with labels', () => {
    const slide = only('## History\n\nHow it went.\n\n- **2016** — Launch\n- **2017** — ONNX')
    expect(slide.data.title).toBe('History')
    expect(slide.data.lead).toBe('How it went.')
    expect(slide.data.items.map((i) => [i.label, i.rest])).toEqual([
      ['2016', 'Launch'],
      ['2017', 'ONNX'],
    ])
  })

  it('gives one section per ### sub-heading', () => {
    const slide = only('## Cards\n\n### One\n\n- a\n- b\n\n### Two\n\nText')
    expect(slide.data.sections.map((s) => [s.title, s.items.length])).toEqual([
      ['One', 2],
      ['Two', 0],
    ])
  })

  it('splits a quote from its attribution', () => {
    const slide = only('> Make it easy.\n>\n> — A founder')
    expect(slide.data.quote).toEqual({ html: '<p>Make it easy.</p>\n', cite: 'A founder', text: 'Make it easy.' })
  })

  it('highlights code at build time, with marked lines', () => {
    const slide = only('## Code\n\n```python {2}\nx = 1\ny = 2\n```')
    expect(slide.data.code?.lang).toBe('python')
    expect(slide.data.code?.html).toContain('<span class="hljs-number">1</span>')
    expect(slide.data.code?.html).toContain('<span class="line highlight">y = ')
  })

  it('makes + lists and {+} blocks fragments', () => {
    const slide = only('## F\n\nFirst {+}\n\n+ a\n+ b')
    expect(slide.data.body).toContain('<p class="fragment">First</p>')
    expect(slide.data.body.match(/<li class="fragment">/g)).toHaveLength(2)
    expect(slide.data.items.every((i) => i.fragment)).toBe(true)
  })

  it('wraps handout-only and slides-only blocks', () => {
    const slide = only('## H\n\n:::handout\nMore reading\n:::\n\n:::slides\nClick here\n:::')
    expect(slide.data.body).toContain('<div class="dh-handout-only">\n<p>More reading</p>')
    expect(slide.data.body).toContain('<div class="dh-slides-only">\n<p>Click here</p>')
  })

  it('applies .element comments to the element before them', () => {
    const slide = only('## E\n\n- one <!-- .element: class="fragment" -->\n- two')
    expect(slide.data.body).toContain('<li class="fragment">one')
  })

  it('keeps {{title}} written in Markdown as text', () => {
    const slide = only('## {{title}}\n\nUse {{name}} here')
    expect(slide.data.title).toBe('{{title}}')
    expect(slide.data.lead).toBe('Use {{name}} here')
  })

  it('renders notes to HTML and text', () => {
    const slide = only('## A\n\nNote: Say **this**.')
    expect(slide.notesHtml).toBe('<p>Say <strong>this</strong>.</p>\n')
    expect(slide.notesText).toBe('Say this.')
  })
})

describe('buildSlides: raw HTML and links', () => {
  it('removes scripts, handlers and javascript: URLs and reports each line', () => {
    const { value, diagnostics } = build([
      chapter('01-a.md', '## A\n\n<div onclick="x()">hi</div>\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))'),
    ])
    const body = value.slides[0]!.data.body
    expect(body).not.toMatch(/onclick|<script|javascript:/)
    expect(body).toContain('<div>hi</div>')
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual(
      expect.arrayContaining([
        ['html-removed', 7],
        ['html-removed', 3],
        ['html-removed', 5],
      ]),
    )
  })

  it('keeps video, layout tags and https iframes', () => {
    const body = only('<div class="grid"><video src="https://x/v.mp4" controls></video><iframe src="https://example.com"></iframe></div>').data.body
    expect(body).toContain('<video src="https://x/v.mp4" controls')
    expect(body).toContain('<iframe src="https://example.com"')
  })

  it('keeps everything with html: trusted', () => {
    const body = only('<script>window.x = 1</script>', { html: 'trusted' }).data.body
    expect(body).toContain('<script>window.x = 1</script>')
  })

  it('rewrites images relative to the chapter and asks for them as assets with their line', () => {
    const { value } = build([chapter('01-a.md', '## A\n\n![Logo](images/logo.png)')])
    expect(value.slides[0]!.data.images[0]!.src).toBe('media/images/logo.png')
    expect(value.assets).toEqual([{ from: '/deck/images/logo.png', to: 'media/images/logo.png', span: { file: '/deck/01-a.md', line: 3, column: 9 } }])
  })
})

describe('buildSlides: generated slides and chapters', () => {
  it('opens with a title slide, an agenda and a section slide per titled chapter', () => {
    const chapters = [chapter('01-a.md', '---\ntitle: Alpha\n---\n## A1\n\n- x'), chapter('02-b.md', '---\ntitle: Beta\n---\n## B1\n\n- y')]
    const { value } = build(chapters, { titleSlide: true, agenda: true })
    expect(value.slides.map((s) => s.layout)).toEqual(['title', 'agenda', 'section', 'content', 'section', 'content'])
    expect(value.slides.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6])
    expect(value.chapters.map((c) => [c.title, c.firstSlideId])).toEqual([
      ['Alpha', 'alpha'],
      ['Beta', 'beta'],
    ])
    expect(value.slides[1]!.data.items.map((i) => i.text)).toEqual(['Alpha', 'Beta'])
  })

  it('gives slides unique ids from their titles', () => {
    const { value } = build([chapter('01-a.md', '## Same\n\n- a\n---\n## Same\n\n- b\n---\n## 2016\n\n- c')])
    expect(value.slides.map((s) => s.id)).toEqual(['same', 'same-2', 's-2016'])
  })
})

describe('buildSlides: what outputs other than the deck need', () => {
  it('counts fragment steps as Reveal.js does: one per + item and {+} block, one per index', () => {
    expect(only('## Steps\n\n+ one\n+ two\n\nThen this. {+}').print.fragmentSteps).toBe(3)
    expect(only('## None\n\n- one\n- two').print.fragmentSteps).toBe(0)
    // Raw HTML: indexed fragments share a step; each one without an index steps alone.
    const html = '## Raw\n\n<p class="fragment" data-fragment-index="1">a</p>\n<p class="fragment" data-fragment-index="1">b</p>\n<p class="fragment">c</p>'
    expect(only(html, { html: 'trusted' }).print.fragmentSteps).toBe(2)
    expect(only('## Element\n\nShown later <!-- .element: class="fragment" -->').print.fragmentSteps).toBe(1)
  })

  it('keeps each :::handout block apart, for paper, and leaves it in the body, hidden on screen', () => {
    const slide = only('## Film\n\nOn screen.\n\n:::handout\nRead **this** later.\n:::\n\n:::slides\nOnly here.\n:::')
    expect(slide.print.handoutBlocks).toEqual(['<p>Read <strong>this</strong> later.</p>\n'])
    expect(slide.data.body).toContain('<div class="dh-handout-only">')
  })

  it('gives the outline a body whose headings are paragraphs, and the body itself when it has none', () => {
    const cards = only('## Cards\n\n### One\n\ntext\n\n### Two {+}\n\nmore')
    expect(cards.print.outlineBody).toContain('<p class="dhp-outline-heading dhp-outline-h3">One</p>')
    expect(cards.print.outlineBody).toContain('<p class="dhp-outline-heading dhp-outline-h3" class="fragment">Two</p>')
    expect(cards.print.outlineBody).not.toMatch(/<h\d/)
    const plain = only('## Plain\n\n- a')
    expect(plain.print.outlineBody).toBe(plain.data.body)
  })

  it('records its links and images with the lines that wrote them, and its span to its last line', () => {
    const slide = only('\n## Links\n\nSee [the notes](notes.pdf).\n\n![A chart](images/chart.png)\n\nNote: More at [the site](https://example.com).\n')
    expect(slide.links.map((l) => [l.kind, l.href, l.span.file, l.span.line])).toEqual([
      ['image', 'media/images/chart.png', '/deck/01-a.md', 6],
      ['link', 'notes.pdf', '/deck/01-a.md', 4],
      ['link', 'https://example.com', '/deck/01-a.md', 8],
    ])
    expect(slide.links.slice(0, 2).map((l) => l.span.column)).toEqual([12, 17])
    expect(slide.span).toEqual({ file: '/deck/01-a.md', line: 2, endLine: 8 })
    expect(slide.source.markdown.startsWith('## Links')).toBe(true)
  })

  it('points a layout named by the chapter at its front matter line', () => {
    const slide = only('---\ntemplate: fancy\n---\n\n## Many\n\n- points\n- here')
    expect(slide.layout).toBe('fancy')
    expect(slide.layoutSpan).toEqual({ file: '/deck/01-a.md', line: 2, column: 1 })
    expect(only('<!-- template: timeline -->\n## Named').layoutSpan).toEqual({ file: '/deck/01-a.md', line: 1 })
  })
})
