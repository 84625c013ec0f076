import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { parseChapterWithImports } from '../../../src/content/read-chapter-imports.js'
import { loadEmojiTable } from '../../../src/emoji/emoji-shortcodes.js'
import { resolveDeckConfig } from '../../../src/project/resolve-config.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { parseCodeInfo } from '../../../src/slides/highlight-code.js'
import { deckConfig } from '../../helpers/deck-config.js'

const lines = (...l: string[]) => l.join('\n')
const codes = (d: readonly { code: string; severity: string; span?: { line: number } }[]) => d.map((x) => [x.severity, x.code, x.span?.line])
const temp: string[] = []
afterAll(() => Promise.all(temp.map((t) => rm(t, { recursive: true, force: true }))))

describe('foreign keys', () => {
  it('lists another tool\'s keys in one warning and keeps a near typo of deckhand\'s own an error', () => {
    const { diagnostics } = parseChapter('/deck/a.md', lines('---', 'marp: true', 'paginate: true', 'size: 4:3', 'tempalte: content', '---', '# A'))
    expect(codes(diagnostics)).toEqual([
      ['warning', 'foreign-keys', 4],
      ['error', 'config-unknown-key', 5],
    ])
    expect(diagnostics[1]!.message).toContain('did you mean `template`')
  })

  it('does the same in deck.yml, and still refuses a key no tool knows', () => {
    const { diagnostics } = resolveDeckConfig(lines('title: T', 'revealOptions:', '  transition: fade', 'highlightTheme: zenburn', 'titel: x', 'wobble: 1'), '/deck/deck.yml')
    expect(codes(diagnostics)).toEqual([
      ['warning', 'foreign-keys', 2],
      ['error', 'config-unknown-key', 5],
      ['error', 'config-unknown-key', 6],
    ])
  })
})

describe('Marp headingDivider', () => {
  it('starts a slide before every heading at or above the level, besides the --- ones', () => {
    const { value } = parseChapter('/deck/m.md', lines('---', 'marp: true', 'headingDivider: 2', '---', '# One', 'text', '## Two', '### Three stays', '---', 'Four'))
    expect(value.slides.map((s) => s.markdown.trim().split('\n')[0])).toEqual(['# One', '## Two', 'Four'])
  })
})

describe('reveal-md separators', () => {
  it('splits at <!--s--> and <!--v--> lines even without front matter', () => {
    const { value } = parseChapter('/deck/a.md', lines('One', '', 'Note: first', '', '<!--s-->', '', 'Two', '<!--v-->', 'Three'))
    expect(value.slides.map((s) => [s.markdown.trim(), s.notes, s.newStack])).toEqual([
      ['One', 'first', true],
      ['Two', '', true],
      ['Three', '', false],
    ])
  })

  it('reads a notesSeparator regex, and a separator that is no regex is an error at its line', () => {
    const notes = parseChapter('/deck/a.md', lines('---', "notesSeparator: '^Speaker:'", '---', 'Body', 'Speaker: say it')).value.slides[0]!
    expect(notes.notes).toBe('say it')
    const bad = parseChapter('/deck/a.md', lines('---', 'separator: "(unclosed"', '---', 'x'))
    expect(codes(bad.diagnostics)).toEqual([['error', 'front-matter-invalid', 2]])
  })

  it('refuses a separator whose nested repetition could backtrack for minutes, at its line', () => {
    const text = lines('---', 'title: Tides', "notesSeparator: '^(a+)+$'", '---', 'Body', `${'a'.repeat(40)}!`)
    const started = performance.now()
    const { value, diagnostics } = parseChapter('/deck/a.md', text)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(codes(diagnostics)).toEqual([['error', 'regex-unsafe', 3]])
    expect(value.slides).toHaveLength(1)
  })
})

describe('Slidev imports', () => {
  it('refuses a src: outside the deck folder', () => {
    const { diagnostics } = parseChapter('/deck/slides.md', lines('---', 'layout: cover', '---', '# A', '', '---', 'src: ../elsewhere.md', '---', ''))
    expect(codes(diagnostics)).toEqual([['error', 'import-outside-deck', 7]])
  })

  it('reads imports inside the deck, and a symlink leading out is an error, not a copy', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'deckhand-imports-'))
    temp.push(root)
    await mkdir(path.join(root, 'deck/pages'), { recursive: true })
    await writeFile(path.join(root, 'secret.md'), '# Secret')
    await writeFile(path.join(root, 'deck/pages/one.md'), '# One\n\n---\n\n# Two\n\n---\n\n# Three')
    await symlink(path.join(root, 'secret.md'), path.join(root, 'deck/pages/link.md'))
    const text = lines('---', 'layout: cover', '---', '# Start', '', '---', 'src: ./pages/one.md#2-3', '---', '', '---', 'src: ./pages/link.md', '---', '')
    const { result } = await parseChapterWithImports(path.join(root, 'deck/slides.md'), text, path.join(root, 'deck'))
    expect(result.value.slides.map((s) => s.markdown.trim())).toEqual(['# Start', '# Two', '# Three'])
    expect(result.value.slides[1]!.span.file).toBe(path.join(root, 'deck/pages/one.md'))
    expect(codes(result.diagnostics)).toEqual([['error', 'import-outside-deck', 11]])
  })

  it('reads an import whose name starts with two dots: it is inside the deck', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'deckhand-imports-'))
    temp.push(root)
    await writeFile(path.join(root, '..dots.md'), '# Dots')
    const text = lines('---', 'layout: cover', '---', '# Start', '', '---', 'src: ./..dots.md', '---', '')
    const { result } = await parseChapterWithImports(path.join(root, 'slides.md'), text, root)
    expect(result.diagnostics).toEqual([])
    expect(result.value.slides.map((s) => s.markdown.trim())).toEqual(['# Start', '# Dots'])
  })
})

describe('.element on every layout and code steps', () => {
  it('reaches the title of a section slide from the line after the heading', () => {
    const chapter = parseChapter('/deck/a.md', lines('## Big idea', '<!-- .element: class="fragment" -->')).value
    const [slide] = buildSlides({ deck: { ...deckConfig(), titleSlide: false }, deckDir: '/deck', chapters: [chapter] }).value.slides
    expect(slide!.layout).toBe('section')
    expect(slide!.data.titleHtml).toBe('<span class="fragment">Big idea</span>')
  })

  it('reads steps written as {1|3-4}, [1|3-4], Slidev\'s {all|2} and an offset [10: 10|12]', () => {
    const steps = (info: string) => parseCodeInfo(info).steps.map((s) => [...s])
    expect(steps('js {1|3-4}')).toEqual([[1], [3, 4]])
    expect(steps('js [1|3-4]')).toEqual([[1], [3, 4]])
    expect(steps('ts [file.ts] {all|2|*} twoslash')).toEqual([[], [2], []])
    expect(steps('py [10: 10|12]')).toEqual([[1], [3]])
    expect(steps('py {2,4-6}')).toEqual([])
    expect([...parseCodeInfo('py {2,4-6}').highlight]).toEqual([2, 4, 5, 6])
  })
})

// Marp and Slidev write formulas as $…$ and $$…$$, Slidev draws ```mermaid fences, and Marp
// turns :shortcodes: into emoji: a deck written for them gets the same here.
describe.each([
  ['Marp', lines('---', 'marp: true', 'math: katex', '---')],
  ['Slidev', lines('---', 'layout: cover', '---')],
])('%s formulas, diagrams and shortcodes', (tool, head) => {
  it('typesets the formulas, collects the diagram and replaces the shortcode', async () => {
    const text = lines(head, '# Euler :tada:', '', 'The identity $e^{i\\pi} + 1 = 0$ holds.', '', '$$', '\\int_0^1 x\\,dx', '$$', '', '---', '', '```mermaid', 'graph LR', '  A --> B', '```')
    const parsed = parseChapter('/deck/talk.md', text)
    expect(parsed.value.meta.dialect.name).toBe(tool.toLowerCase())
    // Marp's `math` names its formula library: read, not warned about.
    expect(codes(parsed.diagnostics)).toEqual([])
    const built = buildSlides({ deck: { ...deckConfig(), titleSlide: false }, deckDir: '/deck', chapters: [parsed.value], emoji: await loadEmojiTable() }).value
    const html = built.slides.map((s) => `${s.data.titleHtml}\n${s.data.body}`).join('\n')
    expect(html).toContain('🎉')
    expect(html).not.toContain(':tada:')
    expect(html).toMatch(/<span class="katex">[\s\S]*e/)
    expect(html).toContain('katex-display')
    expect(html).not.toContain('$e^')
    expect(built.formulas).toHaveLength(2)
    expect(built.diagrams.map((d) => d.source.trim())).toEqual(['graph LR\n  A --> B'])
  })
})
