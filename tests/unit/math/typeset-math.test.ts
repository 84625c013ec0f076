import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import type { DeckConfig } from '../../../src/model.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

const build = (text: string, deck: Partial<DeckConfig> = {}) =>
  buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false, ...deck }), deckDir: '/deck', chapters: [parseChapter('/deck/01-a.md', text).value] })
const body = (text: string, deck: Partial<DeckConfig> = {}) => build(text, deck).value.slides[0]!.data.body
const formulas = (html: string): number => html.match(/class="katex"/g)?.length ?? 0

describe('math: what is a formula', () => {
  it.each([
    ['inline dollars', 'Energy $E = mc^2$ here.', 1],
    ['inline parentheses', 'Energy \\(E = mc^2\\) here.', 1],
    ['display dollars in a paragraph', 'So $$\\sum_i x_i$$ holds.', 1],
    ['display dollars as a block', '$$\n\\int_0^1 x\\,dx\n$$', 1],
    ['display brackets as a block', '\\[\n\\frac{a}{b}\n\\]', 1],
    ['a math fence', '```math\n\\sqrt{2}\n```', 1],
    ['a formula in a list item', '- first $a$\n- second $b$', 2],
    ['money stays text', 'Tickets cost $5 and $10 at the door.', 0],
    ['money with a comma stays text', 'It was $5, then $6.', 0],
    ['an escaped dollar stays text', 'A literal \\$x$ sign.', 0],
    ['dollars in code stay code', 'Write `$x$` to get math.', 0],
    ['dollars in a code block stay code', '```\n$x$\n```', 0],
  ])('%s', (_, text, count) => {
    expect(formulas(body(text))).toBe(count)
  })

  it('shows an escaped dollar as a dollar', () => {
    expect(body('A literal \\$5 sign.')).toContain('A literal $5 sign.')
  })

  it('renders display math in display mode and inline math inline', () => {
    expect(body('$$\nx\n$$')).toContain('katex-display')
    expect(body('Inline $x$.')).not.toContain('katex-display')
  })

  it('typesets formulas in notes and in handout-only blocks', () => {
    const slide = build('## T\n\n:::handout\nSee $\\alpha$.\n:::\n\nNote: say $\\beta$ aloud').value.slides[0]!
    expect(formulas(slide.data.body)).toBe(1)
    expect(slide.data.body).toContain('dh-handout-only')
    expect(formulas(slide.notesHtml)).toBe(1)
    expect(slide.notesText).toContain('\\beta')
  })

  it('keeps the TeX as the text of a title with a formula', () => {
    const slide = build('## Why $e^x$ grows').value.slides[0]!
    expect(slide.data.title).toBe('Why e^x grows')
    expect(formulas(slide.data.titleHtml)).toBe(1)
  })

  it("uses the deck's macros", () => {
    const html = body('The reals $\\RR$.', { math: { macros: { '\\RR': '\\mathbb{R}' } } })
    expect(html).toContain('mathbb')
  })

  it('survives the raw-HTML allowlist untouched, with nothing reported', () => {
    const { value, diagnostics } = build('<div class="box">box</div>\n\nAnd $\\sqrt{x}$.')
    expect(diagnostics).toEqual([])
    expect(value.slides[0]!.data.body).toContain('<math')
    expect(value.slides[0]!.data.body).toContain('<svg')
  })
})

describe('math: errors', () => {
  it('reports a formula that does not parse at its file, line and column', () => {
    const { diagnostics } = build('## T\n\nFirst line.\nThen $\\frac{a}{b$ here.')
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'math-syntax', span: { file: '/deck/01-a.md', line: 4, column: expect.any(Number) } }),
    ])
    expect(diagnostics[0]!.span!.column).toBeGreaterThanOrEqual(6)
  })

  it('reports an unknown command in a fence at the line inside the fence', () => {
    const { diagnostics } = build('## T\n\n```math\nx + y\n\\nosuchthing\n```')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'math-syntax', span: { file: '/deck/01-a.md', line: 5, column: 1 } })])
  })
})
