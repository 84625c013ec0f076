// The PowerPoint plan as data: which layout and placeholders a slide gets, and the warnings
// for content that cannot be placed, at their Markdown lines.
import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import type { Slide } from '../../../src/model.js'
import { planSlides } from '../../../src/export/pptx/plan-slide.js'
import type { SlidePlan } from '../../../src/export/pptx/slide-plan.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { DEFAULT_THEME_INPUT } from '../../../src/theme/default-kit.js'
import { deckConfig } from '../../helpers/deck-config.js'

const brand = {
  colors: DEFAULT_THEME_INPUT.colors,
  fonts: { heading: 'Inter', body: 'Inter', code: 'JetBrains Mono' },
  fontKinds: { heading: 'sans-serif', body: 'sans-serif', code: 'monospace' },
  titleSlide: { background: '#111827', text: '#ffffff' },
  sectionSlide: { background: '#f3f4f6', text: '#111827' },
  logoHeight: 0,
}

function plan(text: string): { slides: readonly Slide[]; plans: SlidePlan[] } {
  const chapter = parseChapter('/deck/01-a.md', text).value
  const deck = deckConfig({ titleSlide: false, agenda: false })
  const built = buildSlides({ deck, deckDir: '/deck', chapters: [chapter] }).value
  return { slides: built.slides, plans: planSlides({ deck, slides: built.slides, chapters: built.chapters, brand }) }
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
})
