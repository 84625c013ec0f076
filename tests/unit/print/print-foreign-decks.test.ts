// What paper makes of what the dialects bring: backgrounds painted by the section, dark ones
// with the light text class, hidden slides left out, code line steps as fragment pages.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import { findProject } from '../../../src/project/find-project.js'
import { renderPrintDocument, type PrintProduct } from '../../../src/print/render-print-document.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
const out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-print-dialects-'))
afterAll(() => rm(out, { recursive: true, force: true }))

const root = path.join(FIXTURES, 'dialect-revealjs')
const built = (await buildDeck(await findProject({ root, cwd: root }), 'talk', { outDir: path.join(out, 'revealjs') })).value

function render(product: PrintProduct, fragments = false): string {
  return renderPrintDocument({
    product, deck: built.config, slides: built.html.slides, chapters: built.chapters, theme: built.theme, templates: built.templates,
    paper: 'A4', fragments, stylesheets: ['deck.css', 'theme.css'],
  })
}

/** The paper section of the slide titled `title` (sections on paper carry no id; the slide's h2 names it). */
function sectionTitled(html: string, title: string): string {
  return [...html.matchAll(/<section [^>]*>[\s\S]*?<\/section>/g)].map((m) => m[0]).find((s) => s.includes(`>${title}</h2>`)) ?? ''
}
const openingTag = (section: string): string => /^<section [^>]*>/.exec(section)?.[0] ?? ''

describe('backgrounds on paper', () => {
  const slides = render('slides')

  it('paints colour, gradient, image (size, opacity) and the older data-background from the slide data', () => {
    expect(openingTag(sectionTitled(slides, 'Summer'))).toContain('style="background:linear-gradient(#1f4e3d, #1f4e3d), var(--dh-section-bg)"')
    expect(openingTag(sectionTitled(slides, 'Gradient dusk'))).toContain('linear-gradient(to bottom, #283b95, #17b2c3)')
    const moon = openingTag(sectionTitled(slides, 'Moonlit rows'))
    expect(moon).toContain('url(&quot;media/media/night.svg&quot;) center / contain no-repeat')
    expect(moon).toContain('var(--dh-bg) 50%, transparent')
    expect(openingTag(sectionTitled(slides, 'The old way'))).toContain('url(&quot;media/media/night.svg&quot;) center / cover no-repeat')
  })

  it('keeps the data-background attributes, so the frame lets the background through, and marks the tone', () => {
    const summer = openingTag(sectionTitled(slides, 'Summer'))
    expect(summer).toContain('data-background="#1f4e3d"')
    expect(summer).toMatch(/class="[^"]*\bdh-bg-dark\b/)
    expect(openingTag(sectionTitled(slides, 'Summer rain'))).toMatch(/class="[^"]*\bdh-bg-light\b/)
    expect(openingTag(sectionTitled(slides, 'Gradient dusk'))).toMatch(/class="[^"]*\bdh-bg-dark\b/)
  })

  it('names a background video for the runtime to paint its first frame', () => {
    expect(openingTag(sectionTitled(slides, 'Film night'))).toContain('data-dhp-video="media/media/night.mp4"')
  })

  it('is the same on handout thumbnails', () => {
    const sixUp = render('6-up')
    expect(openingTag(sectionTitled(sixUp, 'Summer'))).toBe(openingTag(sectionTitled(slides, 'Summer')))
  })
})

describe('hidden slides', () => {
  it('are left out of every print product', () => {
    const shown = built.slides.filter((s) => !s.hidden).length
    expect(shown).toBe(built.slides.length - 1)
    for (const product of ['slides', 'notes', '2-up', '3-up', '6-up', 'outline'] as const) {
      const html = render(product)
      expect(html, product).not.toContain('Spare slide')
      expect(html, product).not.toContain('Kept for questions')
    }
    expect(render('slides').match(/class="dhp-page"/g)).toHaveLength(shown)
    expect(render('6-up').match(/class="dhp-cell"/g)).toHaveLength(shown)
  })

  it('leave no gap in the handouts\' numbers, as Reveal\'s counter has none', () => {
    const numbers = [...render('6-up').matchAll(/<span class="dhp-number">(\d+)<\/span>/g)].map((m) => Number(m[1]))
    expect(numbers).toEqual(Array.from({ length: built.slides.length - 1 }, (_, i) => i + 1))
  })
})

describe('code line steps', () => {
  it('count as fragment steps, so --fragments prints a page per step', () => {
    expect(built.slides.find((s) => s.id === 'counting-crates')!.print.fragmentSteps).toBe(1)
    const pages = [...render('slides', true).matchAll(/<div class="dhp-page"[^>]*>[\s\S]*?(?=<div class="dhp-page"|<\/body>)/g)].map((m) => m[0])
    const crates = pages.filter((p) => p.includes('>Counting crates</h2>'))
    expect(crates).toHaveLength(2)
    expect(crates[0]).toContain('data-dhp-step="0"')
    expect(crates[1]).not.toContain('data-dhp-step')
  })

  it('show their last step on handouts, whatever the fragments setting', () => {
    for (const product of ['notes', '3-up', '6-up'] as const) {
      const html = render(product, true)
      expect(html, product).not.toContain('data-dhp-step')
      // Every step's block is there; the last lies over the others (the steps grid in deck.css).
      expect(sectionTitled(html, 'Counting crates').match(/<code class="hljs language-javascript( fragment)?"/g), product).toHaveLength(2)
    }
  })
})
