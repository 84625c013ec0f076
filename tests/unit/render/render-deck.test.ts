import { describe, expect, it } from 'vitest'
import { DeckError, DeckErrors } from '../../../src/diagnostics/diagnostic.js'
import { layoutScale, renderDeck, revealOptions } from '../../../src/render/render-deck.js'
import { CHAPTERS, DECK, THEME, slide } from './sample-deck.js'
import { templateSet } from './template-set.js'

const SLIDES = { content: '<h2>{{title}}</h2>{{{body}}}', title: '<h1>{{deck.title}}</h1>' }

function render(slides: Parameters<typeof renderDeck>[0]['slides'], templates = templateSet({ slides: SLIDES })) {
  return renderDeck({ deck: DECK, slides, templates, theme: THEME, deckName: 'talk', chapters: CHAPTERS })
}

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('renderDeck', () => {
  it('points a missing layout at the slide and lists the layouts there are', () => {
    const s = slide('two-col', { title: 'Intro' }, { span: { file: 'content/x/02-intro.md', line: 14 } })
    const err = thrown(() => render([s]))
    expect(err).toBeInstanceOf(DeckError)
    const d = (err as DeckError).diagnostic
    expect(d).toMatchObject({ code: 'template-not-found', span: { file: 'content/x/02-intro.md', line: 14 } })
    expect(d.message).toBe('Layout "two-col" not found; available: content, title')
    expect(d.via).toBeUndefined()
    expect(d.hint).toContain('deck/templates, templates')
  })

  it('points a layout its chapter named at the front matter, via the slide that used it', () => {
    const named = { file: 'content/x/02-intro.md', line: 3 }
    const s = slide('two-col', { title: 'Intro' }, { span: { file: 'content/x/02-intro.md', line: 14 }, layoutSpan: named })
    const d = (thrown(() => render([s])) as DeckError).diagnostic
    expect(d).toMatchObject({ code: 'template-not-found', span: named, via: { span: { file: 'content/x/02-intro.md', line: 14 } } })
  })

  it('reports every failing slide at once', () => {
    const err = thrown(() => render([slide('nope', {}), slide('content', {}), slide('gone', {})]))
    expect(err).toBeInstanceOf(DeckErrors)
    expect((err as DeckErrors).diagnostics.map((d) => d.code)).toEqual(['template-not-found', 'template-not-found'])
  })

  it('wraps a template that throws, pointing at its line, via the slide, and keeping the cause', () => {
    const templates = templateSet({ slides: { ...SLIDES, boom: '<div>\n  {{#each items}}{{> absent}}{{/each}}</div>' } })
    const s = slide('boom', { items: [{ html: 'a', text: 'a', label: '', rest: 'a', fragment: false }] })
    const err = thrown(() => render([s], templates)) as DeckError
    expect(err.diagnostic).toMatchObject({ code: 'template-render', span: { file: 'templates/slides/boom.hbs', line: 2, column: 3 }, via: { span: s.span } })
    expect(err.cause).toBeInstanceOf(Error)
  })

  it('outputs Handlebars syntax in slide text literally and escapes text fields', () => {
    const s = slide('content', { title: 'Use {{title}} & <b>', body: '<p>Write {{> footer}} in a template</p>' })
    const { value } = render([s])
    expect(value.html).toContain('<h2>Use {{title}} &amp; &lt;b&gt;</h2>')
    expect(value.html).toContain('<p>Write {{> footer}} in a template</p>')
    expect(value.slides[0]!.html).toContain('Use {{title}}')
  })

  it('stacks vertical slides in a nested section', () => {
    const slides = [
      slide('content', { title: 'A' }),
      slide('content', { title: 'B' }),
      slide('content', { title: 'B.1' }, { newStack: false }),
      slide('content', { title: 'B.2' }, { newStack: false }),
      slide('content', { title: 'C' }),
    ]
    const html = render(slides).value.html
    const outline = html.replace(/<h2>([^<]*)<\/h2>/g, '$1').replace(/<section class="dh-stack">/g, '[').replace(/<section [^>]*>/g, '(').replace(/<\/section>/g, ')')
    expect(outline.replace(/\s+/g, '')).toBe('<main>(A)[(B)(B.1)(B.2))(C)</main>')
  })

  it('puts id, layout, merged classes, author attributes and notes on the section', () => {
    const s = slide('content', { title: 'A' }, { id: 'intro', index: 1, attributes: [{ name: 'class', value: 'wide' }, { name: 'data-background-color', value: '#123' }, { name: 'id', value: 'other' }], notesHtml: '<p>Say hi</p>' })
    const html = render([s]).value.html
    expect(html).toContain('<section id="intro" class="dh-slide dh-layout-content wide" data-layout="content" data-index="1" data-state="dh-on-content" data-background-color="#123">')
    expect(html).not.toContain('id="other"')
    expect(html).toContain('<aside class="notes"><p>Say hi</p></aside>')
  })

  it('leaves the notes out when there are none', () => {
    expect(render([slide('content', { title: 'A' })]).value.html).not.toContain('<aside')
  })

  it('gives the shell Reveal options, asset paths and the deck css', () => {
    const shell = '<link href="{{assets.deckCss}}"><script src="{{assets.revealJs}}"></script><script>{{json revealOptions}}</script>'
    const templates = templateSet({ shell, slides: SLIDES })
    const deck = { ...DECK, reveal: { transition: 'fade', hash: false } }
    const { value } = renderDeck({ deck, slides: [slide('title', {})], templates, theme: THEME, deckName: 'talk', chapters: [], assetsBase: 'static' })
    expect(value.html).toContain('<link href="static/deck.css"><script src="static/reveal/reveal.js"></script>')
    const json = JSON.parse(/<script>(.*)<\/script>/.exec(value.html)![1]!)
    expect(json).toMatchObject({ transition: 'fade', hash: false, slideNumber: 'c/t', width: 1280, height: 720, center: false })
    expect(value.files['deck.css']).toContain('.dh-frame{}')
    expect(value.assets.map((a) => a.to).sort()).toEqual(['reveal/plugin/notes.js', 'reveal/reset.css', 'reveal/reveal.css', 'reveal/reveal.js'])
    expect(value.assets.every((a) => a.from.includes('node_modules/reveal.js/dist'))).toBe(true)
  })

  it('keeps a closing script tag in deck options from ending the script', () => {
    const options = revealOptions({ ...DECK, reveal: { x: '</script><b>' } }, THEME)
    const templates = templateSet({ shell: '<script>{{json revealOptions}}</script>', slides: SLIDES })
    const html = renderDeck({ deck: { ...DECK, reveal: options }, slides: [], templates, theme: THEME, deckName: 't', chapters: [] }).value.html
    expect(html).not.toContain('</script><b>')
    expect(html).toContain('\\u003c/script>')
  })

  it('keeps each deck’s partial overrides to itself', () => {
    const slides = { content: '<p>{{> footer}}</p>' }
    const a = renderDeck({ deck: DECK, slides: [slide('content', {})], templates: templateSet({ slides, partials: { footer: 'A' } }), theme: THEME, deckName: 'a', chapters: [] })
    const b = renderDeck({ deck: DECK, slides: [slide('content', {})], templates: templateSet({ slides, partials: { footer: 'B' } }), theme: THEME, deckName: 'b', chapters: [] })
    expect(a.value.slides[0]!.html).toBe('<p>A</p>')
    expect(b.value.slides[0]!.html).toBe('<p>B</p>')
    const none = () => renderDeck({ deck: DECK, slides: [slide('content', {})], templates: templateSet({ slides }), theme: THEME, deckName: 'c', chapters: [] })
    expect(none).toThrow(DeckError)
  })

  it('zooms layouts drawn for 1280x720 to the theme’s slide size', () => {
    expect(layoutScale(THEME)).toBe(1)
    expect(layoutScale({ ...THEME, width: 1920, height: 1080 })).toBe(1.5)
    expect(layoutScale({ ...THEME, width: 1024, height: 768 })).toBe(0.8)
    const templates = templateSet({ shell: '--dh-scale: {{layoutScale}};', slides: SLIDES })
    const html = renderDeck({ deck: DECK, slides: [], templates, theme: { ...THEME, width: 1920, height: 1080 }, deckName: 't', chapters: [] }).value.html
    expect(html).toBe('--dh-scale: 1.5;')
  })
})
