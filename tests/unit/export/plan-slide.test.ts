// The PowerPoint plan as data: which layout and placeholders a slide gets, and the warnings
// for content that cannot be placed, at their Markdown lines.
import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import type { ChapterRef, Slide } from '../../../src/model.js'
import { chapterKicker } from '../../../src/export/pptx/plan-header.js'
import { planSlides } from '../../../src/export/pptx/plan-slide.js'
import type { FigureSizes, PlanShape, SlidePlan } from '../../../src/export/pptx/slide-plan.js'
import { writePptx } from '../../../src/export/pptx/write-pptx.js'
import type { SlideFigures } from '../../../src/export/capture-figures.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { DEFAULT_THEME_INPUT } from '../../../src/theme/default-kit.js'
import { deckConfig } from '../../helpers/deck-config.js'
import { fixtureTheme } from '../../helpers/print-deck.js'

const brand = {
  colors: DEFAULT_THEME_INPUT.colors,
  fonts: { heading: 'Inter', body: 'Inter', code: 'JetBrains Mono' },
  fontKinds: { heading: 'sans-serif', body: 'sans-serif', code: 'monospace' },
  titleSlide: { background: '#111827', text: '#ffffff' },
  sectionSlide: { background: '#f3f4f6', text: '#111827' },
  logoHeight: 0,
}

const deck = deckConfig({ titleSlide: false, agenda: false })

function plan(text: string, figures?: FigureSizes): { slides: readonly Slide[]; plans: SlidePlan[] } {
  const chapter = parseChapter('/deck/01-a.md', text).value
  const built = buildSlides({ deck, deckDir: '/deck', chapters: [chapter] }).value
  return { slides: built.slides, plans: planSlides({ deck, slides: built.slides, chapters: built.chapters, brand, ...(figures && { figures }) }) }
}

const texts = (p: SlidePlan, placeholder?: string): string[] =>
  p.shapes.flatMap((s) => (s.kind === 'text' && s.placeholder === placeholder ? [s.paragraphs.map((para) => para.runs.map((r) => r.text).join('')).join('|')] : []))

describe('planSlides', () => {
  it('puts a bullet slide in the title-and-content layout: title and body placeholders, levels kept', () => {
    const [p] = plan('## Points\n\n- one\n  - under one\n- two').plans
    expect(p!.master).toBe('content')
    expect(texts(p!, 'title')).toEqual(['Points'])
    const body = p!.shapes.find((s) => s.kind === 'text' && s.placeholder === 'body')
    if (body?.kind !== 'text') throw new Error('no body')
    expect(body.paragraphs.map((x) => [x.runs[0]!.text, x.bullet?.level])).toEqual([['one', 0], ['under one', 1], ['two', 0]])
  })

  it('gives cards one box each and code its own panel on the title-only layout', () => {
    const { plans } = plan('<!-- template: cards -->\n## Three\n\n### A\nfirst\n\n### B\nsecond\n\n---\n\n## Code\n\n```js\nlet x = 1\n```')
    expect(plans[0]!.master).toBe('titleOnly')
    expect(texts(plans[0]!).filter((t) => /first|second/.test(t))).toEqual(['01|A|first', '02|B|second'])
    expect(plans[1]!.shapes.some((s) => s.kind === 'rect' && s.name === 'Code panel')).toBe(true)
    expect(texts(plans[1]!)).toContain('let x = 1')
  })

  it('reports what a layout has no place for at its line, and text past the bottom', () => {
    const lines = ['<!-- template: section -->', '## Part two', '', 'Subtitle', '', '- stray list', '']
    const section = plan(lines.join('\n')).plans[0]!
    expect(section.diagnostics).toEqual([expect.objectContaining({ code: 'export-not-placed', span: { file: '/deck/01-a.md', line: 6 } })])
    const long = plan(`## Long\n\n${Array.from({ length: 60 }, (_, i) => `- item ${i} with enough words to take a whole line of the slide`).join('\n')}`).plans[0]!
    expect(long.diagnostics).toEqual([expect.objectContaining({ code: 'export-overflow', span: { file: '/deck/01-a.md', line: 3 } })])
  })

  it('takes notes and handout-only blocks into the notes, and a slide colour as its background', () => {
    const [p] = plan('<!-- .slide: data-background-color="#123456" -->\n## T\n\nBody\n\n:::handout\nFor later\n:::\n\nNote:\n- say this').plans
    expect(p!.notes).toEqual(['• say this', 'Handout:', 'For later'])
    expect(p!.background).toEqual({ colour: '123456' })
    expect(texts(p!, 'body').join()).not.toContain('For later')
  })

  describe('diagrams and display formulas', () => {
    const FIGURES = ['## Figures', '', 'Before the formula.', '', '$$', 'E = mc^2', '$$', '', '```mermaid {alt="The flow"}', 'flowchart LR', '  A --> B', '```', ''].join('\n')
    const emc2 = (w: number, h: number) => ({ of: 'formula' as const, text: 'E = mc^2', w, h })
    const flow = (w: number, h: number) => ({ of: 'diagram' as const, text: 'The flow', w, h })
    const figuresOf = (p: SlidePlan) => p.shapes.filter((s): s is Extract<PlanShape, { kind: 'figure' }> => s.kind === 'figure')

    it('places a formula at its size as drawn under the text, and a diagram in the spare height below it', () => {
      const [p] = plan(FIGURES, new Map([[1, [emc2(240, 60), flow(900, 200)]]])).plans
      const [formula, diagram] = figuresOf(p!)
      expect(formula).toMatchObject({ of: 'formula', figure: 0, text: 'E = mc^2', line: 5, box: { h: 60 } })
      expect(diagram).toMatchObject({ of: 'diagram', figure: 1, text: 'The flow', line: 9 })
      const text = p!.shapes.find((s) => s.kind === 'text' && s.paragraphs.some((para) => para.runs.some((r) => r.text.includes('Before the formula'))))
      expect(text!.box.y).toBeLessThan(formula!.box.y)
      expect(diagram!.box.y).toBeGreaterThanOrEqual(formula!.box.y + formula!.box.h)
      expect(diagram!.box.h).toBeGreaterThan(300)
      expect(diagram!.box.y + diagram!.box.h).toBeLessThanOrEqual(720)
      expect(p!.master).toBe('titleOnly')
      expect(texts(p!).join()).not.toContain('mc^2')
      expect(p!.diagnostics).toEqual([])
    })

    it('shrinks a formula wider than the slide to the width, keeping its aspect', () => {
      const [p] = plan('## Wide\n\n$$\nx_1 + x_2\n$$\n', new Map([[1, [{ of: 'formula', text: 'x_1 + x_2', w: 2400, h: 100 }]]])).plans
      const [wide] = figuresOf(p!)
      expect(wide!.box.h).toBeCloseTo((100 * wide!.box.w) / 2400, 5)
    })

    it('matches each figure with the one drawn for it by kind and TeX or label, not by count alone', () => {
      // The slide drew a formula the blocks keep as text (inside a list item) before its own two.
      const drawn = [{ of: 'formula' as const, text: 'a^2', w: 80, h: 40 }, emc2(240, 60), flow(900, 200)]
      const [p] = plan(FIGURES, new Map([[1, drawn]])).plans
      expect(figuresOf(p!).map((f) => f.figure)).toEqual([1, 2])
      const [unmatched] = figuresOf(plan(FIGURES, new Map([[1, [flow(900, 200)]]])).plans[0]!)
      expect(unmatched).toMatchObject({ of: 'formula', figure: -1 })
    })

    it('writes each figure as a picture described by its TeX or label, and one not drawn as its text with a warning at its line', async () => {
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
      const theme = fixtureTheme()
      const write = (figures: SlideFigures) => writePptx({ ...plan(FIGURES, figures), deck, theme, brand, outDir: '/nowhere', figures })
      const drawn = await write(new Map([[1, [{ ...emc2(240, 60), png }, { ...flow(900, 200), png }]]]))
      expect(drawn.diagnostics).toEqual([])
      const slideXml = async (data: Buffer) => (await (await import('jszip')).default.loadAsync(data)).file('ppt/slides/slide1.xml')!.async('string')
      const xml = await slideXml(drawn.data)
      expect([...xml.matchAll(/<p:pic>[\s\S]*?descr="([^"]*)"/g)].map((m) => m[1])).toEqual(['E = mc^2', 'The flow'])
      const missing = await write(new Map([[1, [emc2(0, 0), { ...flow(900, 200), png }]]]))
      expect(missing.diagnostics).toEqual([expect.objectContaining({ code: 'export-not-placed', span: { file: '/deck/01-a.md', line: 5 } })])
      expect(await slideXml(missing.data)).toContain('<a:t>E = mc^2</a:t>')
    })
  })

  describe('inline formulas', () => {
    const INLINE = '## Euler\n\n- The identity $e^{i\\pi} + 1 = 0$ holds; $\\begin{pmatrix} a \\end{pmatrix}$ has no line form.\n- Another point'

    it('are editable text with raised and lowered scripts, and TeX where they have no linear form', () => {
      const body = plan(INLINE).plans[0]!.shapes.find((s) => s.kind === 'text' && s.placeholder === 'body')
      const runs = body?.kind === 'text' ? body.paragraphs[0]!.runs : []
      expect(runs.map((r) => [r.text, r.script ?? '', r.italic ?? false, r.code ?? false])).toEqual([
        ['The identity ', '', false, false],
        ['e', '', true, false],
        ['iπ', 'super', true, false],
        [' + 1 = 0', '', false, false],
        [' holds; ', '', false, false],
        ['\\begin{pmatrix} a \\end{pmatrix}', '', false, true],
        [' has no line form.', '', false, false],
      ])
    })

    it('write the scripts as PowerPoint baselines', async () => {
      const written = await writePptx({ ...plan(INLINE), deck, theme: fixtureTheme(), brand, outDir: '/nowhere' })
      const xml = await (await (await import('jszip')).default.loadAsync(written.data)).file('ppt/slides/slide1.xml')!.async('string')
      expect(xml).toMatch(/<a:rPr[^>]* baseline="30000"[^>]*>[\s\S]*?<a:t>iπ<\/a:t>/)
      expect(xml).not.toContain('e^{i')
    })
  })
})

describe('chapterKicker', () => {
  const chapter = (number: number, title: string): ChapterRef => ({ number, title, subtitle: '', file: `/tmp/deck/0${number}.md`, firstSlideId: 'first' })
  it("names a chapter by number and title, and one without a title by its number only, never its file's path", () => {
    expect(chapterKicker(chapter(3, 'Timeline'))).toBe('03 — Timeline')
    expect(chapterKicker(chapter(1, ''))).toBe('01')
  })
})
