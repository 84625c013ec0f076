import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'

const parse = (text: string) => parseChapter('/deck/01-intro.md', text)

describe('parseChapter', () => {
  it('splits on --- and ---- and keeps each slide line', () => {
    const { value } = parse('# One\n\n---\n\n# Two\n\n----\n\n# Two down\n')
    expect(value.slides.map((s) => [s.markdown.trim(), s.span.line, s.newStack])).toEqual([
      ['# One', 1, true],
      ['# Two', 5, true],
      ['# Two down', 9, false],
    ])
  })

  it('reads front matter and counts lines from the top of the file', () => {
    const { value } = parse('---\ntitle: Intro\n---\n# First\n---\n## Second\n')
    expect(value.meta.title).toBe('Intro')
    expect(value.slides.map((s) => s.span.line)).toEqual([4, 6])
  })

  it('does not split inside code fences', () => {
    const { value } = parse('# Code\n\n```yaml\n---\na: 1\n---\n```\n')
    expect(value.slides).toHaveLength(1)
    expect(value.slides[0]!.markdown).toContain('a: 1')
  })

  it('takes Note: and Notes: as the start of speaker notes', () => {
    const { value } = parse('# A\ntext\nNote: say this\nand that\n---\n# B\nnotes: lower case\n')
    expect(value.slides[0]!.notes).toBe('say this\nand that')
    expect(value.slides[0]!.notesLine).toBe(3)
    expect(value.slides[0]!.markdown).not.toContain('say this')
    expect(value.slides[1]!.notes).toBe('lower case')
  })

  it('reads the template comment and the .slide attributes, with the template line', () => {
    const { value } = parse('# A\n---\n\n<!-- template: timeline -->\n<!-- .slide: class="dark" data-background="#000" -->\n## Years\n')
    const slide = value.slides[1]!
    expect(slide.template).toBe('timeline')
    expect(slide.templateSpan).toEqual({ file: '/deck/01-intro.md', line: 4 })
    expect(slide.attributes).toBe('class="dark" data-background="#000"')
    expect(slide.markdown).not.toContain('<!--')
    // Removed comments keep their lines, so markdown line k is still file line markdownLine + k.
    expect(slide.markdown.split('\n').indexOf('## Years') + slide.markdownLine).toBe(6)
  })

  it('reports a ::: block left open, at its line', () => {
    const { diagnostics } = parse('# A\n\n:::columns\nleft\n|||\nright\n---\n# B\n')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'unclosed-block', span: { file: '/deck/01-intro.md', line: 3 } })])
  })

  it('skips empty slides from trailing separators', () => {
    expect(parse('# A\n---\n\n---\n').value.slides).toHaveLength(1)
  })
})
