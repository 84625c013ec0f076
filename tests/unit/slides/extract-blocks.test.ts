// The slide data outputs other than HTML read: blocks with their lines, list levels, table
// cells, code tokens, quotes and columns, all from the Markdown tokens.
import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import type { ContentBlock, Slide } from '../../../src/model.js'
import { blocksToMarkdown, blocksToText } from '../../../src/export/blocks-text.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

function slides(text: string): Slide[] {
  const chapter = parseChapter('/deck/01-a.md', text).value
  return [...buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/deck', chapters: [chapter] }).value.slides]
}
const blocks = (text: string): readonly ContentBlock[] => slides(text)[0]!.data.blocks!

describe('slide blocks', () => {
  it('starts after the title and gives each block its file line', () => {
    const text = '---\ntitle: A\nsection: false\n---\n\n## Title\n\nLead line.\n\n- one\n- two\n\n---\n\n## Next\n\n> quoted\n'
    const [first, second] = slides(text)
    expect(first!.data.blocks!.map((b) => [b.kind, b.line])).toEqual([['paragraph', 8], ['list', 10]])
    expect(second!.data.blocks!.map((b) => [b.kind, b.line])).toEqual([['quote', 17]])
  })

  it('flattens nested lists into levels and keeps the numbers of ordered ones', () => {
    const [list] = blocks('## L\n\n3. three\n   - under three\n     - deeper\n4. four')
    expect(list).toMatchObject({ kind: 'list' })
    if (list?.kind !== 'list') throw new Error('not a list')
    expect(list.items.map((i) => [i.runs.map((r) => r.text).join(''), i.level, i.ordered, i.number])).toEqual([
      ['three', 0, true, 3],
      ['under three', 1, false, 1],
      ['deeper', 2, false, 1],
      ['four', 0, true, 4],
    ])
  })

  it('keeps inline marks and links as runs, with entities decoded', () => {
    const [para] = blocks('## T\n\nSay **bold**, *soft* and `x &lt; y` at [the site](https://example.com) &amp; more')
    expect(para).toEqual({
      kind: 'paragraph',
      line: 3,
      runs: [
        { text: 'Say ' },
        { text: 'bold', bold: true },
        { text: ', ' },
        { text: 'soft', italic: true },
        { text: ' and ' },
        { text: 'x &lt; y', code: true },
        { text: ' at ' },
        { text: 'the site', href: 'https://example.com' },
        { text: ' & more' },
      ],
    })
  })

  it('gives tables their cells and alignment', () => {
    const [table] = blocks('## T\n\n| Release | Year |\n| --- | ---: |\n| **1.0** | 2018 |')
    expect(table).toEqual({
      kind: 'table',
      line: 3,
      align: ['', 'right'],
      header: [[{ text: 'Release' }], [{ text: 'Year' }]],
      rows: [[[{ text: '1.0', bold: true }], [{ text: '2018' }]]],
    })
  })

  it('gives code its highlighter tokens per line and its marked lines', () => {
    const [code] = blocks('## C\n\n```python {2}\nimport torch\nx = 1  # one\n```')
    if (code?.kind !== 'code') throw new Error('not code')
    expect(code.code.highlight).toEqual([2])
    expect(code.code.lines).toEqual([
      [{ text: 'import', scopes: ['keyword'] }, { text: ' torch', scopes: [] }],
      [{ text: 'x = ', scopes: [] }, { text: '1', scopes: ['number'] }, { text: '  ', scopes: [] }, { text: '# one', scopes: ['comment'] }],
    ])
  })

  it('splits a quote from its attribution and columns into their parts', () => {
    const [quote] = blocks('> Python first.\n>\n> — A maintainer')
    expect(quote).toMatchObject({ kind: 'quote', cite: 'A maintainer', blocks: [{ kind: 'paragraph', runs: [{ text: 'Python first.' }] }] })
    const [columns] = blocks('## Two\n\n:::columns\n- left\n|||\n- right\n:::')
    if (columns?.kind !== 'columns') throw new Error('not columns')
    expect(columns.columns.map((c) => c.map((b) => [b.kind, b.line]))).toEqual([[['list', 4]], [['list', 6]]])
  })

  it('lifts images out of paragraphs and keeps raw HTML as its text', () => {
    const [image, html] = blocks('![A chart](chart.png)\n\n<div class="x">Hello <b>there</b></div>')
    expect(image).toMatchObject({ kind: 'image', image: { src: 'media/chart.png', alt: 'A chart' } })
    expect(html).toEqual({ kind: 'html', line: 3, text: 'Hello there' })
  })

  it('gives the notes blocks of their own', () => {
    const [slide] = slides('## T\n\nBody\n\nNote:\n- first point\n- second point')
    expect(slide!.notesBlocks).toMatchObject([{ kind: 'list', items: [{ runs: [{ text: 'first point' }] }, { runs: [{ text: 'second point' }] }] }])
  })
})

describe('formulas and diagrams in the blocks', () => {
  it('keep an inline formula as its TeX with its text form, and a display formula and a diagram as figures with their TeX and label', () => {
    const found = blocks('## Maths\n\nInline $a^2$ here.\n\n$$\\sum_i x_i$$\n\n```mermaid {alt="The flow"}\nflowchart LR\n  A --> B\n```\n\n```mermaid\nflowchart LR\n  C --> D\n```\nThe caption\n')
    expect(found).toEqual([
      { kind: 'paragraph', line: 3, runs: [{ text: 'Inline ' }, { text: 'a^2', code: true, formula: [{ text: 'a', italic: true }, { text: '2', script: 'super' }] }, { text: ' here.' }] },
      { kind: 'figure', line: 5, of: 'formula', text: '\\sum_i x_i' },
      { kind: 'figure', line: 7, of: 'diagram', text: 'The flow' },
      { kind: 'figure', line: 12, of: 'diagram', text: 'The caption' },
    ])
  })

  it('give text outputs a formula as its TeX in code and a diagram as its label in italics, so none drops them', () => {
    const found = blocks('## Maths\n\n$$\\sum_i x_i$$\n\n```mermaid {alt="The flow"}\nflowchart LR\n  A --> B\n```\n')
    expect(blocksToMarkdown(found)).toBe('`\\sum_i x_i`\n\n*The flow*')
    expect(blocksToText(found)).toEqual(['\\sum_i x_i', 'The flow'])
  })
})
