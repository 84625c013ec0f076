import { describe, expect, it } from 'vitest'
import { checkTemplates } from '../../../src/render/check-templates.js'
import { HELPER_NAMES } from '../../../src/render/template-helpers.js'
import { templateSet } from './template-set.js'

describe('checkTemplates', () => {
  it('reports a syntax error, a missing partial and an unknown helper in one pass', () => {
    const set = templateSet({
      slides: {
        broken: '<h2>{{title}}</h2>\n<p>\n{{#if lead}}\n{{lead}\n{{/if}}',
        content: '<div>\n  {{> footer}}\n  {{> missing}}\n</div>',
        cards: '{{#each sections}}\n<p>{{shout title}}</p>\n{{/each}}',
      },
      partials: { footer: '<footer>{{deck.title}}</footer>', logo: '' },
    })
    const found = checkTemplates(set, HELPER_NAMES)
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'template-syntax', span: expect.objectContaining({ file: 'templates/slides/broken.hbs', line: 4 }) }),
        expect.objectContaining({
          code: 'partial-not-found',
          span: { file: 'templates/slides/content.hbs', line: 3, column: 3 },
          message: expect.stringContaining('available: footer, logo'),
        }),
        expect.objectContaining({ code: 'helper-not-found', span: { file: 'templates/slides/cards.hbs', line: 2, column: 4 } }),
      ]),
    )
    expect(found).toHaveLength(3)
  })

  it('reads the line of a mismatched block from the Handlebars error', () => {
    const set = templateSet({ slides: { x: 'a\nb\n{{#if x}}\n{{/each}}' } })
    const [d] = checkTemplates(set, HELPER_NAMES)
    expect(d).toMatchObject({ code: 'template-syntax', span: { file: 'templates/slides/x.hbs', line: 3 } })
  })

  it('accepts built-in and registered helpers, paths with arguments that are not helpers, and inline partials', () => {
    const set = templateSet({
      slides: {
        ok: [
          '{{#each items}}{{inc @index}} {{lookup ../data "title"}}{{/each}}',
          '{{#if (eq layout "x")}}{{pad2 chapter.number}}{{/if}}',
          '{{#with chapter}}{{title}}{{/with}}{{this.method 1}}',
          '{{#*inline "local"}}hi{{/inline}}{{> local}}{{#> maybe}}fallback{{/maybe}}',
        ].join('\n'),
      },
    })
    expect(checkTemplates(set, HELPER_NAMES)).toEqual([])
  })

  it('flags an unknown helper inside a subexpression and in the shell', () => {
    const set = templateSet({ shell: '<html>\n{{json (merge a b)}}</html>', slides: { s: '{{#each (sorted items)}}{{/each}}' } })
    const found = checkTemplates(set, HELPER_NAMES)
    expect(found.map((d) => [d.code, d.span?.file, d.span?.line, d.message])).toEqual([
      ['helper-not-found', 'templates/deck.hbs', 2, expect.stringContaining('"merge"')],
      ['helper-not-found', 'templates/slides/s.hbs', 1, expect.stringContaining('"sorted"')],
    ])
  })

  it('lets handout layouts include one another but not slide layouts', () => {
    const set = templateSet({
      slides: { content: '{{> ruled}}' },
      handouts: { ruled: '<div class="lines"></div>', '3-up': '{{> ruled}}' },
    })
    const found = checkTemplates(set, HELPER_NAMES)
    expect(found).toEqual([expect.objectContaining({ code: 'partial-not-found', span: expect.objectContaining({ file: 'templates/slides/content.hbs' }) })])
  })
})

describe('checkTemplates on a block left open', () => {
  it('points at the line that opened it, not the end of the file', () => {
    const set = templateSet({ slides: { open: '<h1>{{title}}</h1>\n{{#each items}}\n{{#if label}}x{{/if}}\n<ul>\n{{!-- {{#with x}} --}}\n' } })
    const [d] = checkTemplates(set, HELPER_NAMES)
    expect(d).toMatchObject({ code: 'template-syntax', span: { file: 'templates/slides/open.hbs', line: 2 }, hint: 'add {{/each}}' })
  })
})

describe('checkTemplates messages', () => {
  it('keeps the parser’s expectation in one readable line', () => {
    const [d] = checkTemplates(templateSet({ slides: { x: 'a\n{{foo bar\nc' } }), HELPER_NAMES)
    expect(d!.message).toMatch(/^Template syntax error: Parse error on line 2: Expecting /)
    expect(d!.span).toEqual({ file: 'templates/slides/x.hbs', line: 2 })
  })
})

describe('partials that include themselves', () => {
  it('are an error naming the cycle, at the include that closes it, before anything renders', () => {
    const set = templateSet({ partials: { a: 'x {{> b}}', b: '\n{{> c}}', c: '{{#if x}}{{> a}}{{/if}}', own: '{{> own}}', fine: '{{> a-leaf}}', 'a-leaf': 'leaf' } })
    const cycles = checkTemplates(set, HELPER_NAMES).filter((d) => d.code === 'partial-cycle')
    expect(cycles.map((d) => [d.message, d.span])).toEqual([
      ['Partials include each other in a cycle: a → b → c → a', { file: 'templates/partials/c.hbs', line: 1, column: 10 }],
      ['Partials include each other in a cycle: own → own', { file: 'templates/partials/own.hbs', line: 1, column: 1 }],
    ])
  })

  it('are found among print pieces too, once however many namespaces see them', () => {
    const set = templateSet({ handouts: { cover: '{{> sheet}}', sheet: '{{> cover}}', notes: '{{> cover}}' } })
    expect(checkTemplates(set, HELPER_NAMES).map((d) => [d.code, d.span?.file])).toEqual([['partial-cycle', 'templates/handouts/sheet.hbs']])
  })
})

describe("the preview's print menu (templates/serve/)", () => {
  it('is checked up front like the other templates, at its own file and line', () => {
    const set = templateSet({ serve: { 'print-menu': '<nav>\n<ul>\n{{#each products}}\n<li>{{name}</li>\n{{/each}}\n</nav>' } })
    expect(checkTemplates(set, HELPER_NAMES).map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([['template-syntax', 'templates/serve/print-menu.hbs', 4]])
  })

  it('may call no unknown helper and include no partial, not even a deck one', () => {
    const set = templateSet({ serve: { 'print-menu': '<nav>\n{{> footer}}\n{{#each (sorted products)}}{{/each}}\n</nav>' }, partials: { footer: '<footer></footer>' } })
    expect(checkTemplates(set, HELPER_NAMES).map((d) => [d.code, d.span?.file, d.span?.line])).toEqual([
      ['partial-not-found', 'templates/serve/print-menu.hbs', 2],
      ['helper-not-found', 'templates/serve/print-menu.hbs', 3],
    ])
  })
})
