import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { checkTemplates } from '../../../src/render/check-templates.js'
import { BUILTIN_TEMPLATES_DIR } from '../../../src/project/find-project.js'
import { loadTemplates } from '../../../src/render/load-templates.js'
import { compilePartials, compileTemplate } from '../../../src/render/template-engine.js'
import { renderDeck } from '../../../src/render/render-deck.js'
import { HELPER_NAMES } from '../../../src/render/template-helpers.js'
import { CHAPTERS, DECK, THEME, data, sampleSlides, slide } from './sample-deck.js'

const LAYOUTS = ['agenda', 'cards', 'code', 'content', 'end', 'image', 'quote', 'section', 'timeline', 'title', 'two-column']

describe('built-in templates', async () => {
  const templates = await loadTemplates([BUILTIN_TEMPLATES_DIR])

  it('has every documented layout and passes checkTemplates', () => {
    expect([...templates.slides.keys()]).toEqual(expect.arrayContaining(LAYOUTS))
    expect([...templates.partials.keys()]).toEqual(expect.arrayContaining(['footer', 'logo', 'slide-number']))
    expect([...templates.serve.keys()]).toEqual(['print-menu'])
    expect(checkTemplates(templates, HELPER_NAMES)).toEqual([])
  })

  it('renders a sample slide of each layout', () => {
    const slides = sampleSlides()
    expect(new Set(slides.map((s) => s.layout))).toEqual(new Set(LAYOUTS))
    const { value } = renderDeck({ deck: DECK, slides, templates, theme: THEME, deckName: 'talk', chapters: CHAPTERS })
    expect(value.slides).toHaveLength(slides.length)
    for (const r of value.slides) expect(r.html, r.slide.layout).toContain(`dh-${r.slide.layout}-slide`)
    expect(value.html).toMatch(/^<!doctype html>/)
    expect(value.html).not.toMatch(/(src|href)="(https?:)?\/\//) // everything local: no CDN, no web fonts
    expect(value.html).toContain('<link rel="stylesheet" href="theme.css">')
    expect(value.html).toContain('Reveal.initialize(')
    expect(value.files['deck.css']).toContain('--dh-accent')
    expect(value.files['deck.css']).not.toMatch(/url\(|@import/)
    // Shadows and filters are rasterised per page when printing: none on repeated elements.
    expect(value.files['deck.css']).not.toMatch(/box-shadow:(?!\s*none)|[^-]filter:/)
    for (const a of value.assets) expect(existsSync(a.from), a.from).toBe(true)
  })

  it('shows what stands before and after the columns on a two-column slide', () => {
    const columns = ['<p>Eager</p>', '<p>Graph</p>']
    const rest =
      '<p>Before the columns.</p>\n<div class="dh-columns dh-columns-2">\n<div class="dh-column">\n<p>Eager</p></div>\n' +
      '<div class="dh-column">\n<p>Graph</p></div>\n</div>\n<p>After the columns.</p>'
    const s = slide('two-column', { title: 'Two sides', lead: 'The lead.', rest, columns })
    const { value } = renderDeck({ deck: DECK, slides: [s], templates, theme: THEME, deckName: 'talk', chapters: CHAPTERS })
    const html = value.slides[0]!.html
    expect(html).toContain('<p class="dh-lead">The lead.</p>')
    for (const text of ['Before the columns.', 'Eager', 'Graph', 'After the columns.']) expect(html).toContain(text)
    expect(html.match(/class="dh-columns /g)).toHaveLength(1)
  })

  it('keeps slides free of boxes that become paint layers when printed', async () => {
    const css = (await loadTemplates([BUILTIN_TEMPLATES_DIR])).styles.map((f) => f.source).join('\n')
    // Positioned boxes and opacity below 1 each make a layer Chromium visits on every printed page.
    expect(css).not.toMatch(/position:\s*(absolute|relative|fixed|sticky)/)
    expect(css.replace(/\.line\.dim \{ opacity: 0\.42; \}/, '')).not.toMatch(/[^-]opacity:\s*0?\./)
  })

  it('writes no sibling combinators, which the print previews (Paged.js 0.4.3) drop with their whole rule', async () => {
    const files = [path.join(BUILTIN_TEMPLATES_DIR, 'deck.css'), path.join(BUILTIN_TEMPLATES_DIR, 'handouts', 'handouts.css')]
    const selectors: string[] = []
    for (const file of files) postcss.parse(await readFile(file, 'utf8')).walkRules((rule) => void selectors.push(...rule.selectors))
    expect(selectors.length).toBeGreaterThan(100)
    expect(selectors.filter((s) => /[+~](?![^(]*\))/.test(s.replace(/\([^)]*\)/g, '()')))).toEqual([])
  })

  it('renders every layout from empty slide data, reading only fields the data has', () => {
    // Strict: a field the data lacks throws (a typo like {{titel}} would), where the build renders it empty.
    const partials = compilePartials(templates.partials, { strict: true })
    for (const layout of LAYOUTS) {
      const s = slide(layout, {})
      const data = { ...s.data, quote: undefined, code: undefined, data: s.data, slide: s, notes: '', deck: DECK, chapter: s.chapter, chapters: [], theme: { name: 't', logo: null, footer: '', width: 1280, height: 720 }, number: 1, total: 1 }
      const html = compileTemplate(templates.slides.get(layout)!.source, { strict: true })(data, { partials })
      expect(html, layout).toContain(`dh-${layout}-slide`)
    }
  })

  it('fails strictly on a field the data does not have', () => {
    expect(() => compileTemplate('<p>{{titel}}</p>', { strict: true })({ title: 'x' })).toThrow(/titel/)
  })

  it('links agenda entries to each chapter’s first slide', () => {
    const { value } = renderDeck({ deck: DECK, slides: [slide('agenda', {})], templates, theme: THEME, deckName: 't', chapters: CHAPTERS })
    for (const c of CHAPTERS) expect(value.html).toContain(`<a href="#${c.firstSlideId}">`)
  })

  it('shows Handlebars syntax from Markdown literally and escapes deck text', () => {
    const deck = { ...DECK, title: 'Templates & <tags>' }
    const s = slide('content', data({ title: '{{deck.author}}', titleHtml: '{{deck.author}}', body: '<p>{{#each x}}{{/each}}</p>' }))
    const html = renderDeck({ deck, slides: [s], templates, theme: THEME, deckName: 't', chapters: CHAPTERS }).value.html
    expect(html).toContain('<h2 class="dh-title">{{deck.author}}</h2>')
    expect(html).toContain('<p>{{#each x}}{{/each}}</p>')
    expect(html).toContain('<title>Templates &amp; &lt;tags&gt;</title>')
  })

  it('marks fragment list items and draws a logo at its position', () => {
    const items = [1, 2, 3].map((n) => ({ html: `e${n}`, text: `e${n}`, label: `${2000 + n}`, rest: `e${n}`, fragment: true }))
    const theme = { ...THEME, logo: { src: 'assets/logo.svg', alt: 'ACME', position: 'bottom-right' as const } }
    const html = renderDeck({ deck: DECK, slides: [slide('timeline', { title: 'T', items })], templates, theme, deckName: 't', chapters: CHAPTERS }).value.html
    expect(html.match(/class="dh-event fragment"/g)).toHaveLength(3)
    expect(html).toContain('<img class="dh-logo dh-logo-bottom-right" src="assets/logo.svg" alt="ACME">')
  })
})
