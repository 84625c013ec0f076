import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../../src/content/parse-front-matter.js'

const FILE = 'content/talk/02-intro.md'
const lines = (...l: string[]) => l.join('\n')

describe('splitFrontMatter', () => {
  it('reads front matter and says where the body starts', () => {
    const text = lines('---', 'title: The four phases', 'subtitle: 2016 to today', '---', '# First slide', 'text')
    const { meta, body, bodyLine, diagnostics } = splitFrontMatter(text, FILE)
    expect(diagnostics).toEqual([])
    expect(meta).toEqual({
      title: 'The four phases',
      subtitle: '2016 to today',
      section: true,
      template: '',
      lang: '',
      spans: { title: { file: FILE, line: 2, column: 1 }, subtitle: { file: FILE, line: 3, column: 1 } },
      dialect: { name: 'deckhand', theme: '', reveal: {} },
    })
    expect(body).toBe('# First slide\ntext')
    expect(bodyLine).toBe(5)
    // The body's first line is the file's line `bodyLine`.
    expect(text.split('\n')[bodyLine - 1]).toBe(body.split('\n')[0])
  })

  it('accepts `...` as the closing line', () => {
    const { meta, bodyLine } = splitFrontMatter(lines('---', 'title: T', '...', 'body'), FILE)
    expect(meta.title).toBe('T')
    expect(bodyLine).toBe(4)
  })

  it('defaults section to false without a title, and honours an explicit value', () => {
    expect(splitFrontMatter(lines('---', 'template: content', '---', 'x'), FILE).meta).toMatchObject({ section: false, template: 'content' })
    expect(splitFrontMatter(lines('---', 'title: T', 'section: false', '---', 'x'), FILE).meta.section).toBe(false)
  })

  it('returns defaults, the whole text and line 1 when there is no front matter', () => {
    const text = '# Hello\n\n---\n\n# Next\n'
    expect(splitFrontMatter(text, FILE)).toEqual({
      meta: { title: '', subtitle: '', section: false, template: '', lang: '', spans: {}, dialect: { name: 'deckhand', theme: '', reveal: {} } },
      body: text,
      bodyLine: 1,
      diagnostics: [],
      separators: { separator: '', verticalSeparator: '', notesSeparator: '' },
      head: {},
    })
  })

  it('treats a leading `---` followed by Markdown as a slide separator, not front matter', () => {
    const text = lines('---', '# Title slide', '---', '# Second', '---', '- a list', '- b', '---', 'end')
    const result = splitFrontMatter(text, FILE)
    expect(result).toMatchObject({ body: text, bodyLine: 1, diagnostics: [] })
    // A list between the separators is a YAML list, not a mapping: still a slide.
    expect(splitFrontMatter(lines('---', '- a', '- b', '---', 'x'), FILE).bodyLine).toBe(1)
    expect(splitFrontMatter(lines('---', 'Just a sentence.', '---', 'x'), FILE).bodyLine).toBe(1)
  })

  it('needs a closing line: an unclosed `---` is body text', () => {
    expect(splitFrontMatter(lines('---', 'title: T', 'more'), FILE)).toMatchObject({ bodyLine: 1, meta: { title: '' } })
  })

  it('reports an unknown key at its real file line, with a suggestion', () => {
    const { diagnostics, bodyLine } = splitFrontMatter(lines('---', 'title: T', 'templte: quote', '---', 'x'), FILE)
    expect(bodyLine).toBe(5)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-unknown-key', span: { file: FILE, line: 3, column: 1 } })])
    expect(diagnostics[0]!.message).toContain('did you mean `template`?')
  })

  it('reports a wrong type as front-matter-invalid at its real file line', () => {
    const { diagnostics, meta } = splitFrontMatter(lines('---', 'title: T', '', 'section: maybe', '---', 'x'), FILE)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'front-matter-invalid', span: { file: FILE, line: 4, column: 1 } })])
    expect(diagnostics[0]!.message).toMatch(/`section` must be true or false/)
    // Defaults stand in, and the key spans are still known.
    expect(meta.spans.section).toEqual({ file: FILE, line: 4, column: 1 })
  })

  it('reports broken YAML that was meant as front matter at its file line and column', () => {
    const { diagnostics, body } = splitFrontMatter(lines('---', 'title: T', 'subtitle: a: b', '---', 'x'), FILE)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', span: { file: FILE, line: 3, column: 11 } })])
    expect(body).toBe('x')
  })

  it('ignores trailing spaces on the fences', () => {
    expect(splitFrontMatter('---  \ntitle: T\n---\t\nbody', FILE)).toMatchObject({ body: 'body', bodyLine: 4 })
  })

  it('gives an empty body when the file ends at the closing fence', () => {
    expect(splitFrontMatter('---\ntitle: T\n---\n', FILE)).toMatchObject({ body: '', bodyLine: 4 })
  })
})
