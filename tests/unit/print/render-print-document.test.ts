import { beforeAll, describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import type { BuiltDeck } from '../../../src/pipeline/built-deck.js'
import { BOOKMARK_URL } from '../../../src/print/bookmark-marker.js'
import { handoutGeometry } from '../../../src/print/page-geometry.js'
import { bookmarksFor } from '../../../src/print/place-slides.js'
import { withPrintRuntime } from '../../../src/print/print-runtime.js'
import { renderPrintDocument, type PrintProduct } from '../../../src/print/render-print-document.js'
import { BUILTIN_TEMPLATES_DIR } from '../../../src/project/find-project.js'
import { checkTemplates } from '../../../src/render/check-templates.js'
import { loadTemplates, type TemplateSet } from '../../../src/render/load-templates.js'
import { HELPER_NAMES, cssString } from '../../../src/render/template-helpers.js'
import { fixtureBuiltDeck, KNOWN } from '../../helpers/print-deck.js'

const PRODUCTS: readonly PrintProduct[] = ['slides', 'notes', '2-up', '3-up', '6-up', 'outline']

let templates: TemplateSet
let deck: BuiltDeck
beforeAll(async () => {
  templates = await loadTemplates([BUILTIN_TEMPLATES_DIR])
  deck = fixtureBuiltDeck('/out/fixture', templates)
})

function render(product: PrintProduct, options: { fragments?: boolean; templates?: TemplateSet } = {}): string {
  const { config, html, chapters, theme } = deck
  return renderPrintDocument({
    product, deck: config, slides: html.slides, chapters, theme, templates: options.templates ?? templates,
    paper: 'A4', fragments: options.fragments ?? false, stylesheets: ['deck.css', 'theme.css'],
  })
}

const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0

describe('bookmarks', () => {
  it('puts a chapter heading before its first slide and the slide titles under it', () => {
    const marks = bookmarksFor(deck.slides)
    expect(marks[0]).toEqual([{ level: 1, text: 'The PyTorch Story' }])
    expect(marks[2]).toEqual([{ level: 1, text: KNOWN.chapterTitles[0], id: 'chapter-1' }])
    expect(marks[3]).toEqual([{ level: 2, text: 'Eager first' }])
    expect(marks[7]).toEqual([{ level: 2, text: KNOWN.codeSlideTitle }])
  })
})

describe('renderPrintDocument', () => {
  it('prints one page per slide, or one per fragment step, from the steps the slide data counts', () => {
    expect(count(render('slides'), /class="dhp-page"/g)).toBe(8)
    // "Eager first" has two fragment steps: three pages, the first two showing steps 0 and 1.
    const stepped = render('slides', { fragments: true })
    expect(count(stepped, /class="dhp-page"/g)).toBe(10)
    expect(stepped.match(/data-dhp-step="\d"/g)).toEqual(['data-dhp-step="0"', 'data-dhp-step="1"'])
  })

  it('shows handout-only blocks beside the slide in handouts, from the slide data', () => {
    const notes = render('notes')
    expect(notes).toContain(`<div class="dhp-handout-block"><p>${KNOWN.handoutOnly}`)
    // Inside the frame the block stays hidden, on every product; slides-only blocks hide in handouts.
    expect(notes).toMatch(/\.dhp-canvas \.dh-handout-only,\s*\.dhp-handout \.dh-slides-only \{\s*display: none/)
    expect(render('slides')).not.toContain('<div class="dhp-handout-block">')
  })

  it('links the agenda to the chapters, whose first slides carry the anchors', () => {
    const html = render('3-up')
    expect(html).toContain('<a href="#chapter-1">')
    expect(html).toContain('id="chapter-1"')
    expect(html).toContain('id="why-it-matters"')
  })

  it('puts three slides on each 3-up sheet and six on each 6-up sheet', () => {
    expect(count(render('3-up'), /class="dhp-slot"/g)).toBe(8)
    expect(count(render('3-up'), /class="dhp-sheet dhp-sheet-ruled"/g)).toBe(3)
    expect(count(render('6-up'), /class="dhp-sheet dhp-sheet-grid"/g)).toBe(2)
  })

  it('renders the outline from slide data, chapter by chapter, with a table of contents', () => {
    const html = render('outline')
    expect(count(html, /<h1 id="chapter-\d"/g)).toBe(2)
    expect(html).toContain('<a href="#compile-the-model">')
    expect(html).toContain(KNOWN.codeNote)
    expect(html).not.toContain('class="dhp-frame"')
  })

  it('marks each slide for the PDF outline with an empty link the runtime numbers', () => {
    const html = render('6-up')
    expect(html).toContain('<a class="dhp-bookmark" aria-hidden="true" data-level="2" data-title="Eager first"')
    expect(withPrintRuntime(html)).toContain(`${JSON.stringify(BOOKMARK_URL)} + i`)
  })

  it('names each product on the cover and puts the deck in the running header', () => {
    expect(render('3-up')).toMatch(/<p class="dhp-cover-kind">Handout · three slides a page, with room for notes\s*<\/p>/)
    expect(render('notes')).toContain('@top-left { content: "The PyTorch Story"; }')
    expect(render('notes')).toContain('@top-right { content: "Lunch & Learn" " · " "2026-11-26"; }')
  })

  it('escapes deck text in the running header', () => {
    expect(cssString('a "b" </style>')).toBe('"a \\"b\\" \\3c /style>"')
  })
})

describe('the print runtime', () => {
  it('is added by the printer, whatever the document template', () => {
    const custom = { ...templates, handouts: new Map([...templates.handouts, ['document', { file: 'deck/templates/handouts/document.hbs', source: '<main>{{{body}}}</main>' }]]) }
    const html = withPrintRuntime(render('notes', { templates: custom }))
    expect(html.startsWith('<!-- Nothing is laid out')).toBe(true)
    expect(html).toContain('<style id="dhp-hold">')
    expect(html.trimEnd().endsWith('</script>')).toBe(true)
    expect(html).toContain('window.__deckhandReady = true')
    const built = withPrintRuntime(render('notes'))
    expect(built.indexOf('id="dhp-park"')).toBeLessThan(built.indexOf('</head>'))
    expect(built.indexOf('window.__deckhandReady')).toBeLessThan(built.indexOf('</body>'))
  })

  it('is a script that parses (a stray escape in it would leave the printer waiting)', () => {
    const html = withPrintRuntime(render('slides'))
    const script = html.slice(html.lastIndexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'))
    expect(() => new Function(script)).not.toThrow()
    expect(script).toContain(String.raw`replace(/\/$/, '')`)
  })
})

describe('a deck’s own print layout', () => {
  const file = (product: string): string => `deck/templates/handouts/${product}.hbs`
  const withLayout = (product: PrintProduct, source: string): TemplateSet => ({
    ...templates,
    handouts: new Map([...templates.handouts, [product, { file: file(product), source }]]),
  })
  // Each helper called the same way; what each gives for (3, 2).
  const EXPECTED: Record<string, string> = {
    eq: 'false', ne: 'true', gt: 'true', lt: 'false', and: 'true', or: 'true', not: 'false', inc: '4', pad2: '03', count: '0', lines: '0', join: '3', json: '3', cssString: '"3"',
  }

  it.each(PRODUCTS)('%s may use every helper and partial a slide template may', (product) => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...HELPER_NAMES].sort())
    const helpers = HELPER_NAMES.map((name) => `<i>{{${name} 3 2}}</i>`).join('')
    const partials = [...templates.partials.keys()].map((name) => `{{> ${name}}}`).join('\n')
    const set = withLayout(product, `<p class="mine">${helpers}{{#each slides}}{{#if @first}}{{#with this}}{{lookup . "number"}}{{/with}}{{/if}}{{/each}}</p>\n${partials}`)
    expect(checkTemplates(set, HELPER_NAMES)).toEqual([])
    const html = render(product, { templates: set })
    expect(html).toContain(`<p class="mine">${HELPER_NAMES.map((name) => `<i>${EXPECTED[name]}</i>`).join('')}`)
  })

  it.each(PRODUCTS)('%s reports its errors at its own lines', (product) => {
    const broken = withLayout(product, 'one\n{{#each slides}}\n{{unknownHelper 1}}\n{{> no-such-partial}}\n')
    expect(checkTemplates(broken, HELPER_NAMES).map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([
      ['template-syntax', file(product), 2],
    ])
    const unknown = withLayout(product, 'one\n\n{{unknownHelper 1}}\n{{> no-such-partial}}\n')
    expect(checkTemplates(unknown, HELPER_NAMES).map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([
      ['helper-not-found', file(product), 3],
      ['partial-not-found', file(product), 4],
    ])
    const throwing = withLayout(product, 'one\ntwo\n  {{#if}}x{{/if}}\n')
    const err = (() => {
      try {
        render(product, { templates: throwing })
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).diagnostic).toMatchObject({ code: 'template-render', span: { file: file(product), line: 3, column: 3 } })
  })
})

describe('handoutGeometry', () => {
  it('fits 16:9 slides into their slots on A4 and Letter', () => {
    for (const paper of ['A4', 'Letter'] as const) {
      for (const layout of ['2-up', '3-up', '6-up'] as const) {
        const g = handoutGeometry(layout, paper, 1280, 720)
        expect(g.frame.height).toBeLessThan(g.slotHeight)
        expect(g.frame.width).toBeLessThanOrEqual(g.contentWidth / (layout === '6-up' ? 2 : 1))
      }
    }
  })
})
