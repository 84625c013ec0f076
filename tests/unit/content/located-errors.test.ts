// Input that is wrong gets a clear error (or warning) at its file and line.
import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { splitFrontMatter } from '../../../src/content/parse-front-matter.js'
import { decodeText } from '../../../src/content/read-text.js'
import { diagnosticsOf } from '../../../src/diagnostics/diagnostic.js'
import { resolveDeckConfig } from '../../../src/project/resolve-config.js'
import { loadTheme } from '../../../src/theme/load-theme.js'
import { parseThemeYaml } from '../../../src/theme/parse-theme-yaml.js'
import { tempDir, writeFiles } from '../../helpers/temp-dir.js'

const FILE = 'content/talk/01.md'

describe('front matter', () => {
  it.each(['---js', '---coffee'])('%s is an error ("not supported") at line 1, and its code is not slide text', (opening) => {
    const { value, diagnostics } = parseChapter(FILE, `${opening}\nmodule.exports = { title: 'x' }\n---\n# Real slide\n`)
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.line])).toEqual([['front-matter-unsupported', 'error', 1]])
    expect(diagnostics[0]!.message).toMatch(/not supported/)
    expect(value.slides.map((s) => s.markdown)).toEqual(['# Real slide\n'])
  })

  it('---yaml is read as YAML', () => {
    expect(splitFrontMatter('---yaml\ntitle: T\n---\nbody', FILE).meta.title).toBe('T')
  })

  it('left unclosed is a warning at its opening line', () => {
    const { diagnostics } = splitFrontMatter('---\ntitle: Never closed\n\n# Slide\n', FILE)
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.line])).toEqual([['front-matter-unclosed', 'warning', 1]])
  })

  it('an opening --- before Markdown is reveal-md\'s empty first slide, not unclosed front matter', () => {
    expect(splitFrontMatter('---\n# Slide\n', FILE).diagnostics).toEqual([])
  })
})

describe('text fields keep their text', () => {
  it('in deck.yml', () => {
    const { value } = resolveDeckConfig('title: 007\nsubtitle: 1.10\nauthor: 1e3\nevent: true\ndate: 2026\nduration: 45\n', 'deck.yml')
    expect(value).toMatchObject({ title: '007', subtitle: '1.10', author: '1e3', event: 'true', date: '2026', duration: 45 })
  })

  it('in chapter front matter', () => {
    expect(splitFrontMatter('---\ntitle: 007\nsubtitle: 1.10\n---\nx', FILE).meta).toMatchObject({ title: '007', subtitle: '1.10' })
  })

  it('in theme.yml', () => {
    const { value } = parseThemeYaml('name: 1.10\nfooter: 007\nlogo:\n  file: logo.svg\n  alt: 2026\n', 'theme.yml')
    expect(value!.input).toMatchObject({ name: '1.10', footer: '007', logo: { alt: '2026' } })
  })
})

describe('invalid UTF-8', () => {
  it('names the line and column of the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('fine\nnaïve '), 0xff, 0x41])
    const error = (() => {
      try {
        decodeText(bytes, FILE)
      } catch (err) {
        return diagnosticsOf(err)?.[0]
      }
      return undefined
    })()
    expect(error).toMatchObject({ code: 'file-not-utf8', span: { file: FILE, line: 2, column: 7 } })
  })

  it('counts lone CR line ends and finds a truncated sequence at the end', () => {
    const bytes = new Uint8Array([0x61, 0x0d, 0x62, 0x0d, 0x0a, 0x63, 0xe2, 0x82])
    try {
      decodeText(bytes, FILE)
      expect.unreachable()
    } catch (err) {
      expect(diagnosticsOf(err)?.[0]?.span).toEqual({ file: FILE, line: 3, column: 2 })
    }
  })
})

describe('deck.yml chapters', () => {
  it('listing a file twice is an error at the second entry', () => {
    const { diagnostics } = resolveDeckConfig('title: T\nchapters:\n  - 01.md\n  - 02.md\n  - ./01.md\n', 'deck.yml')
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['chapter-listed-twice', 5]])
  })
})

describe('theme.yml', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n')

  it('an alias bomb is a located YAML error, like deck.yml\'s', async () => {
    const dir = tempDir()
    writeFiles(dir, { 'bomb/theme.yml': bomb })
    const deckYml = resolveDeckConfig(`title: T\n${bomb}`, 'deck.yml').diagnostics.find((d) => d.code === 'yaml-syntax')
    const theme = await loadTheme('bomb', [dir]).then(() => [], (err: unknown) => diagnosticsOf(err) ?? [err])
    expect(theme).toEqual([expect.objectContaining({ code: 'yaml-syntax', span: expect.objectContaining({ line: deckYml!.span!.line }) })])
  })
})
