// The dialect fixtures (tests/fixtures/dialect-*) build with the slides and notes their own tools
// give them. The expected figures were taken once by running each tool from the npm registry,
// installed into a temporary folder outside the repository (never a dependency):
// - reveal-md 6.1.4 (`reveal-md <folder> --static out`, which bundles reveal.js 5.1.0 and its
//   highlight plugin), each page opened in Chromium and read back with Reveal.getTotalSlides(),
//   Reveal.getIndices(), the `aside.notes` and the `.fragment` elements of every slide;
// - for dialect-revealjs also reveal.js 3.9.2 and 6.0.2 (`npm pack`), each chapter as a
//   `<section data-markdown>` with its front matter's separators, as reveal-md sets it up;
// - Marp CLI 4.5.1 (`marp deck.md -o deck.html` and `--notes`): the `<section id="N">` slides
//   and the notes file, one block a slide;
// - Slidev: @slidev/parser 52.15.2's load(), the loader `slidev` runs (it follows `src:`
//   imports and drops `hide: true` slides), slide count and each slide's `note`.
// scripts/smoke-foreign-decks.mjs runs the tools' own published decks through deckhand.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import type { Slide } from '../../../src/model.js'
import { findProject } from '../../../src/project/find-project.js'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')
const out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-dialects-'))
afterAll(() => rm(out, { recursive: true, force: true }))

async function build(name: string) {
  const root = path.join(FIXTURES, name)
  const result = await buildDeck(await findProject({ root, cwd: root }), 'talk', { outDir: path.join(out, name) })
  const html = await readFile(path.join(result.value.outDir, 'index.html'), 'utf8')
  const own = result.value.slides.filter((s) => !s.generated)
  const byFile = (file: string) => own.filter((s) => s.chapter?.file.endsWith(file))
  return { ...result.value, diagnostics: result.diagnostics, html, own, byFile }
}

/** Each slide as `h/v` the way Reveal numbers a chapter's stacks, hidden slides left out. */
function positions(slides: readonly Slide[]): string[] {
  let h = -1
  let v = 0
  return slides.filter((s) => !s.hidden).map((s) => (s.newStack || h < 0 ? `${++h}/${(v = 0)}` : `${h}/${++v}`))
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim()
const sectionOf = (html: string, id: string) => new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? ''
const fragments = (section: string) => [...section.matchAll(/<(\w+)[^>]*class="([^"]*\bfragment\b[^"]*)"/g)].map((m) => `${m[1]}.${m[2]!.split(' ').join('.')}`)

describe('reveal-md decks (reveal-md 6.1.4)', async () => {
  const deck = await build('dialect-reveal-md')

  it('builds with no errors and as many slides, stacked the same, as reveal-md shows', () => {
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(positions(deck.byFile('01-plain.md'))).toEqual(['0/0', '1/0', '1/1', '2/0'])
    expect(positions(deck.byFile('02-front-matter.md'))).toEqual(['0/0'])
    expect(positions(deck.byFile('03-own-separators.md'))).toEqual(['0/0', '1/0', '1/1', '2/0'])
    expect(positions(deck.byFile('04-contents.md'))).toEqual(['0/0', '1/0', '2/0', '2/1', '3/0'])
  })

  it('has the notes reveal-md gives, and a title in front matter opens no extra slide', () => {
    expect(deck.own.filter((s) => s.notesText).map((s) => [s.chapter?.file.split('/').pop(), words(s.notesText)])).toEqual([
      ['01-plain.md', 'start with the picture, say nothing for a moment'],
      ['03-own-separators.md', 'check the tide table before the talk'],
    ])
    expect(deck.slides.filter((s) => s.generated).map((s) => s.layout)).toEqual(['title', 'agenda'])
  })

  it('makes the two .element list items fragments under <!--v-->', () => {
    const [mudFlats] = deck.byFile('03-own-separators.md').filter((s) => !s.newStack)
    expect(fragments(sectionOf(deck.html, mudFlats!.id))).toEqual(['li.fragment', 'li.fragment'])
  })

  it('sends position links where reveal-md sends them, past the generated title and agenda', () => {
    const contents = sectionOf(deck.html, 'watch-list')
    expect([...contents.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['#the-crane', '#the-pilot-boat', '#the-pilot-s-radio', '#the-lighthouse', '../01-plain.md'])
    expect(sectionOf(deck.html, 'the-pilot-s-radio')).toContain('href="#watch-list"')
  })

  it('passes revealOptions to Reveal.initialize and maps the reveal.js theme, saying so once', () => {
    expect(deck.html).toMatch(/Reveal\.initialize\(Object\.assign\(\{[^)]*"transition":"fade"/)
    expect(deck.theme.name).toBe('midnight')
    expect(deck.diagnostics.filter((d) => d.code === 'theme-mapped').map((d) => path.basename(d.span!.file))).toEqual(['02-front-matter.md', '03-own-separators.md'])
  })
})

describe('reveal.js Markdown decks (reveal.js 3.9.2, 5.1.0 in reveal-md, 6.0.2)', async () => {
  const deck = await build('dialect-revealjs')

  it('splits with the separators written in front matter, as the plugin does', () => {
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(positions(deck.byFile('01-dashes.md'))).toEqual(['0/0', '0/1', '1/0'])
    expect(positions(deck.byFile('02-element-attributes.md'))).toEqual(['0/0', '1/0', '2/0', '3/0'])
    expect(positions(deck.byFile('03-slide-attributes.md'))).toEqual(['0/0', '1/0', '1/1', '1/2', '2/0', '3/0'])
    // 7 slides in reveal.js 3.9.2, 6 in 5.x and 6.x, which leave the hidden one out.
    expect(deck.byFile('04-backgrounds-and-code.md')).toHaveLength(7)
    expect(positions(deck.byFile('04-backgrounds-and-code.md'))).toHaveLength(6)
  })

  it('puts .element attributes where the plugin puts them, the line after included', () => {
    const [s1, s2, s3, s4] = deck.byFile('02-element-attributes.md')
    expect(fragments(sectionOf(deck.html, s1!.id))).toEqual(['span.fragment.fade-out'])
    expect(sectionOf(deck.html, s1!.id)).toContain('data-fragment-index="1"')
    expect(fragments(sectionOf(deck.html, s2!.id))).toEqual(['p.fragment.grow', 'p.fragment.grow', 'li.fragment', 'li.fragment', 'li.fragment.highlight-green'])
    // A title is drawn by the layout's own heading: the marks go on a span inside it.
    expect(fragments(sectionOf(deck.html, s3!.id))).toEqual(['span.fragment.highlight-red', 'p.fragment.highlight-blue'])
    expect(sectionOf(deck.html, s3!.id)).toMatch(/<img[^>]*class="r-stretch"/)
    expect(sectionOf(deck.html, s4!.id)).toMatch(/<img[^>]*class="dh-bordered"|<p class="dh-bordered"/)
  })

  it('keeps the .slide id, so #/summer lands on it, and has the notes the plugin gives', () => {
    const slides = deck.byFile('03-slide-attributes.md')
    expect(slides.map((s) => s.id)).toContain('summer')
    expect(sectionOf(deck.html, 'back-to-summer')).toContain('href="#/summer"')
    expect(slides.filter((s) => s.notesText).map((s) => words(s.notesText))).toEqual(['this link must land on the summer slide'])
  })

  it('describes backgrounds as data, dark ones marked, and the hidden slide as hidden', () => {
    const summer = deck.slides.find((s) => s.id === 'summer')!
    expect(summer.background).toMatchObject({ color: '#1f4e3d', dark: true })
    expect(sectionOf(deck.html, 'summer')).toMatch(/class="[^"]*dh-bg-dark/)
    expect(deck.slides.find((s) => s.id === 'summer-rain')!.background).toMatchObject({ color: '#f7f3e8', dark: false })
    expect(deck.slides.find((s) => s.id === 'moonlit-rows')!.background).toMatchObject({ image: 'media/media/night.svg', size: 'contain', opacity: 0.5 })
    expect(deck.slides.find((s) => s.id === 'gradient-dusk')!.background?.gradient).toMatch(/^linear-gradient/)
    expect(deck.slides.find((s) => s.id === 'the-old-way')!.background).toMatchObject({ image: 'media/media/night.svg', color: '' })
    expect(deck.slides.filter((s) => s.hidden).map((s) => s.id)).toEqual(['spare-slide'])
  })

  it('steps code lines as reveal-md does: one fragment for each step after the first', () => {
    const crates = deck.slides.find((s) => s.id === 'counting-crates')!
    expect(crates.steps).toEqual([{ block: 0, steps: [[1], [3, 4]] }])
    expect(fragments(sectionOf(deck.html, 'counting-crates'))).toEqual(['code.hljs.language-javascript.fragment'])
    // `[10: 10|11]` numbers the lines from 10, as Reveal's line-number offset does.
    expect(deck.slides.find((s) => s.id === 'from-line-ten')!.steps).toEqual([{ block: 0, steps: [[1], [2]] }])
  })
})

describe('Marp decks (Marp CLI 4.5.1)', async () => {
  const deck = await build('dialect-marp')

  it('has Marp\'s nine slides and its notes, from the comments that are not directives', () => {
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(deck.own).toHaveLength(9)
    expect(deck.own.map((s) => words(s.notesText))).toEqual([
      'Open slowly: let the picture do the work.', '', '', 'Mention the excluder only if someone asks.', '', '', '', '', 'Thank the host. Point at the honey on the table.',
    ])
  })

  it('turns directives and ![bg] images into backgrounds, splits, classes and page marks', () => {
    const [cover, , smoke, hive, inspections, lead, frames, harvest] = deck.own
    expect(cover!.background).toMatchObject({ image: 'media/assets/comb.svg', opacity: 0.2 })
    expect(cover!.showNumber).toBe(false) // `_paginate: false` in front matter: the first slide only
    expect(smoke!.background).toMatchObject({ color: '#1b1b2f', dark: true })
    expect(hive!.layout).toBe('split')
    expect(hive!.data.split).toMatchObject({ side: 'right', width: '40%', src: 'media/assets/hive.svg' })
    expect(inspections!.data.split).toMatchObject({ side: 'left', width: '50%', fit: 'contain' })
    expect(lead!.attributes).toContainEqual({ name: 'class', value: 'lead dh-center' })
    expect(frames!.background?.image).toBe('media/assets/comb.svg,media/assets/hive.svg')
    expect(harvest!.showNumber).toBe(false)
    expect(harvest!.footerHtml).toBe('')
    expect(hive!.headerHtml).toBe('Apiary notes')
    expect(hive!.footerHtml).toBe('Spring meeting')
    expect(sectionOf(deck.html, cover!.id)).toMatch(/<h2 class="dh-section-title"><span class="r-fit-text">Keeping bees/)
    expect(sectionOf(deck.html, harvest!.id)).toMatch(/<img[^>]*style="width:120px"/)
  })

  it('reports what it leaves out, each where it stands', () => {
    const codes = deck.diagnostics.map((d) => [d.code, d.span?.line])
    expect(codes).toEqual(expect.arrayContaining([['foreign-keys', 12], ['theme-mapped', 6], ['foreign-syntax', 22], ['foreign-syntax', 85]]))
  })
})

describe('Slidev decks (@slidev/parser 52.15.2)', async () => {
  const deck = await build('dialect-slidev')

  it('has Slidev\'s sixteen slides, imports and hidden slide included, and its notes', () => {
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(deck.own).toHaveLength(16)
    expect(deck.own.flatMap((s, i) => (s.notesText ? [[i + 1, words(s.notesText)]] : []))).toEqual([
      [1, 'Welcome everyone and point at the tool wall.'],
      [2, 'Ask who rides to work.'],
      [5, '[click] The second line decides everything.'],
      [9, 'Show the worn pad from the box.'],
    ])
    expect(deck.own.filter((s) => s.span.file.endsWith('brakes.md')).map((s) => s.data.title)).toEqual(['Brakes', 'Pads'])
  })

  it('maps Slidev layouts to deckhand layouts', () => {
    expect(deck.own.map((s) => s.layout)).toEqual([
      'title', 'content', 'content', 'two-column', 'split', 'content', 'section', 'section', 'section', 'quote', 'section', 'section', 'split', 'content', 'section', 'end',
    ])
    const tyres = sectionOf(deck.html, 'tyres')
    expect(tyres).toContain('<h2 class="dh-title">Tyres</h2>')
    expect(tyres.match(/class="dh-column"/g)).toHaveLength(2)
    expect(deck.own[12]!.data.split).toMatchObject({ side: 'left', src: 'media/public/wheel.svg' })
  })

  it('makes v-click, v-after and <v-clicks> fragments', () => {
    expect(fragments(sectionOf(deck.html, 'pressure'))).toEqual(['div.fragment', 'p.fragment', 'li.fragment', 'li.fragment', 'li.fragment'])
    const tools = sectionOf(deck.html, 'tools')
    expect(tools.match(/data-fragment-index="0"/g)).toHaveLength(2)
    expect(deck.slides.find((s) => s.id === 'chains')!.steps).toEqual([{ block: 0, steps: [[], [2], [3, 4], []] }])
  })

  it('removes Vue components with one warning each, at their line', () => {
    const removed = deck.diagnostics.filter((d) => d.code === 'component-removed').map((d) => d.span?.line)
    expect(removed).toEqual([22, 80, 98, 126, 199])
    expect(deck.html).not.toMatch(/<(Toc|Gauge|PoweredBySlidev|arrow|carbon)/i)
  })

  it('lists headmatter keys with no meaning here in one warning', () => {
    const foreign = deck.diagnostics.filter((d) => d.code === 'foreign-keys')
    expect(foreign).toHaveLength(1)
    expect(foreign[0]!.message).toContain('`drawings`, `mdc`, `duration`')
  })
})
