import { beforeAll, describe, expect, it } from 'vitest'
import { loadHandoutTemplates, type HandoutTemplateFiles } from '../../../src/pdf/load-handout-templates.js'
import { resolveRequest } from '../../../src/pdf/serve-output.js'
import { BOOKMARK_URL } from '../../../src/render/handouts/bookmark-marker.js'
import { extractBlocks } from '../../../src/render/handouts/extract-blocks.js'
import { countFragmentSteps, fragmentGroups, showFragmentSteps } from '../../../src/render/handouts/fragment-steps.js'
import { bookmarksFor } from '../../../src/render/handouts/handout-context.js'
import { handoutGeometry } from '../../../src/render/handouts/page-geometry.js'
import { cssString, renderHandout, type PrintProduct } from '../../../src/render/render-handouts.js'
import { fixtureConfig, fixtureSlides, fixtureTheme, KNOWN } from '../../e2e/helpers/fixture-deck.js'

let files: HandoutTemplateFiles
beforeAll(async () => {
  files = loadHandoutTemplates()
})

function render(product: PrintProduct, fragments = false): string {
  const slides = fixtureSlides()
  const chapters = [...new Map(slides.flatMap((s) => (s.slide.chapter ? [[s.slide.chapter.number, s.slide.chapter]] : []))).values()]
  return renderHandout({
    product, deck: fixtureConfig('deck.yml'), slides, chapters, theme: fixtureTheme(), templates: files.templates,
    css: files.css, paper: 'A4', fragments, stylesheets: ['deck.css', 'theme.css'],
  })
}

const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0

describe('fragment steps', () => {
  it('numbers indexed fragments first, then each unindexed one, as Reveal.js steps them', () => {
    const html = '<p class="fragment">a</p><p class="fragment" data-fragment-index="2">b</p><p class="x fragment" data-fragment-index="1">c</p><p class="fragmentish">d</p>'
    expect(fragmentGroups(html)).toEqual([2, 1, 0])
    expect(countFragmentSteps(html)).toBe(3)
    expect(countFragmentSteps('<p>none</p>')).toBe(0)
  })

  it('hides the fragments not yet shown at a step, keeping their space', () => {
    const html = '<ul><li class="fragment">one</li><li class="fragment">two</li></ul>'
    expect(count(showFragmentSteps(html, 0), /dh-step-hidden/g)).toBe(2)
    expect(showFragmentSteps(html, 1)).toBe('<ul><li class="fragment">one</li><li class="fragment dh-step-hidden">two</li></ul>')
    expect(showFragmentSteps(html, 2)).toBe(html)
  })
})

describe('extractBlocks', () => {
  it('takes nested handout-only blocks out with their content', () => {
    const html = '<h2>T</h2><div class="dh-handout-only"><div><p>read</p></div></div><p>after</p><aside class="a dh-handout-only">more</aside>'
    expect(extractBlocks(html, 'dh-handout-only')).toEqual({ html: '<h2>T</h2><p>after</p>', blocks: ['<div><p>read</p></div>', 'more'] })
  })
})

describe('bookmarks', () => {
  it('puts a chapter heading before its first slide and the slide titles under it', () => {
    const marks = bookmarksFor(fixtureSlides().map((s) => s.slide))
    expect(marks[0]).toEqual([{ level: 1, text: 'The PyTorch Story' }])
    expect(marks[2]).toEqual([{ level: 1, text: KNOWN.chapterTitles[0], id: 'chapter-1' }])
    expect(marks[3]).toEqual([{ level: 2, text: 'Eager first' }])
    expect(marks[7]).toEqual([{ level: 2, text: KNOWN.codeSlideTitle }])
  })
})

describe('renderHandout', () => {
  it('prints one page per slide, or one per fragment step', () => {
    expect(count(render('slides'), /class="dhp-page"/g)).toBe(8)
    // The "Eager first" slide has two fragments: three pages for it.
    expect(count(render('slides', true), /class="dhp-page"/g)).toBe(10)
  })

  it('keeps handout-only content off slides.pdf and beside the slide in handouts', () => {
    const slides = render('slides')
    expect(slides).toMatch(/\.dhp-print-slides \.dh-handout-only/)
    const notes = render('notes')
    expect(notes).toContain(`<div class="dhp-handout-block"><p>${KNOWN.handoutOnly}`)
    expect(notes).toMatch(/\.dhp-handout \.dh-slides-only[^{]*\{\s*display: none/)
  })

  it('links the agenda to the chapters and rewrites Reveal hash links to anchors', () => {
    const html = render('3-up')
    expect(html).toContain('<a href="#chapter-1">')
    expect(html).toContain('id="chapter-1"')
    expect(html).toContain('href="#why-it-matters"')
    expect(html).not.toContain('href="#/')
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

  it('marks each slide for the PDF outline with an empty link the page numbers', () => {
    const html = render('6-up')
    expect(html).toContain('<a class="dhp-bookmark" aria-hidden="true" data-level="2" data-title="Eager first"')
    expect(html).toContain(`'${BOOKMARK_URL}' + i`)
  })

  it('escapes deck text in the running header', () => {
    expect(cssString('a "b" </style>')).toBe('"a \\"b\\" \\3c /style>"')
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

describe('resolveRequest', () => {
  it('serves files inside the folder and refuses paths that escape it', () => {
    expect(resolveRequest('/srv/out', '/images/a.png')).toBe('/srv/out/images/a.png')
    expect(resolveRequest('/srv/out', '/')).toBe('/srv/out/index.html')
    // Encoded dot segments and double encoding are refused, as in the preview server.
    expect(resolveRequest('/srv/out', '/%2e%2e/secret')).toBeUndefined()
    expect(resolveRequest('/srv/out', '/images/%252e%252e/x')).toBeUndefined()
    expect(resolveRequest('/srv/out', '/a/b/?q=1')).toBe('/srv/out/a/b/index.html')
    expect(resolveRequest('/srv/out', '/a/%2F..%2F..%2F..%2Fetc/passwd')).toBeUndefined()
    expect(resolveRequest('/srv/out', '/%00')).toBeUndefined()
  })
})
