import { describe, expect, it, vi } from 'vitest'
import { BUILTIN_TEMPLATES_DIR } from '../../../src/project/find-project.js'
import { checkTemplates } from '../../../src/render/check-templates.js'
import Handlebars from '../../../src/render/handlebars.js'
import { loadTemplates, type TemplateFile, type TemplateSet } from '../../../src/render/load-templates.js'
import { precompiledTable, precompileTemplates } from '../../../src/render/precompiled-templates.js'
import { HELPER_NAMES } from '../../../src/render/template-helpers.js'
import { fixtureBuiltDeck } from '../../helpers/print-deck.js'
import { CHAPTERS, DECK, THEME, sampleSlides } from './sample-deck.js'
import { templateSet } from './template-set.js'

/** The set with every template's precompiled code taken off, or replaced by `table`'s. */
function withTable(set: TemplateSet, table: ReadonlyMap<string, { ast: hbs.AST.Program; spec: string }>): TemplateSet {
  const one = ({ source, file }: TemplateFile): TemplateFile => {
    const hit = table.get(source)
    return hit ? { source, file, precompiled: hit } : { source, file }
  }
  const map = (m: ReadonlyMap<string, TemplateFile>) => new Map([...m].map(([k, t]) => [k, one(t)]))
  return { ...set, shell: one(set.shell), slides: map(set.slides), partials: map(set.partials), handouts: map(set.handouts) }
}

/** Renders the sample deck in a fresh module graph, so no compiled template is shared between runs. */
async function renderFresh(templates: TemplateSet) {
  vi.resetModules()
  const { renderDeck } = await import('../../../src/render/render-deck.js')
  return renderDeck({ deck: DECK, slides: sampleSlides(), templates, theme: THEME, deckName: 'talk', chapters: CHAPTERS }).value
}

describe('precompiled templates', async () => {
  const builtIn = await loadTemplates([BUILTIN_TEMPLATES_DIR])
  const sources = [builtIn.shell, ...builtIn.slides.values(), ...builtIn.partials.values(), ...builtIn.handouts.values()].map((t) => t.source)
  const table = precompiledTable(precompileTemplates(sources))

  it('keeps every built-in template, parsed as the checks parse it', () => {
    expect(table.size).toBe(new Set(sources).size)
    for (const source of sources) expect(table.get(source)?.ast).toEqual(Handlebars.parse(source))
  })

  it('renders the built-in layouts exactly as compiling their text does', async () => {
    const compiled = await renderFresh(withTable(builtIn, new Map()))
    const precompiled = await renderFresh(withTable(builtIn, table))
    expect(precompiled.html).toBe(compiled.html)
    expect(precompiled.slides.map((s) => s.html)).toEqual(compiled.slides.map((s) => s.html))
    expect(precompiled.html).toContain('dh-code-slide')
  })

  it('prints every product exactly as compiling the print templates does', async () => {
    const print = async (templates: TemplateSet) => {
      vi.resetModules()
      const { renderPrintDocument } = await import('../../../src/print/render-print-document.js')
      const { config, html, chapters, theme } = fixtureBuiltDeck('/out/fixture', templates)
      return (['slides', 'notes', '2-up', '3-up', '6-up', 'outline'] as const).map((product) =>
        renderPrintDocument({ product, deck: config, slides: html.slides, chapters, theme, templates, paper: 'A4', fragments: false, stylesheets: ['deck.css'] }),
      )
    }
    const compiled = await print(withTable(builtIn, new Map()))
    expect(await print(withTable(builtIn, table))).toEqual(compiled)
    expect(compiled[1]).toContain('<!doctype html>')
  })

  it('finds the same problems in a precompiled template as in its text', () => {
    const broken = templateSet({ slides: { content: '{{shout title}}\n{{> missing}}' } })
    const own = precompiledTable(precompileTemplates([broken.slides.get('content')!.source]))
    const plain = checkTemplates(broken, HELPER_NAMES)
    expect(plain.map((d) => [d.code, d.span?.line])).toEqual([['helper-not-found', 1], ['partial-not-found', 2]])
    expect(checkTemplates(withTable(broken, own), HELPER_NAMES)).toEqual(plain)
  })

  it('leaves out a template that does not parse, and a table another Handlebars made', () => {
    const file = precompileTemplates(['{{#if x}}never closed', '<p>{{title}}</p>'])
    expect(Object.keys(file.templates)).toEqual(['<p>{{title}}</p>'])
    expect(precompiledTable({ ...file, handlebars: '0.0.1' }).size).toBe(0)
    expect(precompiledTable(undefined).size).toBe(0)
  })
})
