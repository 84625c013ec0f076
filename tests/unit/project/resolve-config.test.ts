import { describe, expect, it } from 'vitest'
import { resolveDeckConfig } from '../../../src/project/resolve-config.js'

const FILE = 'content/talk/deck.yml'

describe('resolveDeckConfig', () => {
  it('fills every default from a title alone', () => {
    const { value, diagnostics } = resolveDeckConfig('title: My talk\n', FILE)
    expect(diagnostics).toEqual([])
    expect(value).toEqual({
      title: 'My talk',
      subtitle: '',
      author: '',
      date: '',
      event: '',
      theme: 'daylight',
      chapters: [],
      html: 'safe',
      reveal: {},
      handouts: { layouts: ['notes', '3-up'], paper: 'A4' },
      titleSlide: true,
      agenda: true,
      duration: 0,
      speakingRate: 130,
      math: { macros: {} },
      exports: [],
      lang: '',
      spans: { title: { file: FILE, line: 1, column: 1 } },
      file: FILE,
    })
  })

  it('reads every key, keeping a YAML date as the string written', () => {
    const text = [
      'title: PyTorch',
      'subtitle: A story',
      'author: Ada',
      'date: 2026-01-15',
      'event: Lunch & Learn',
      'theme: midnight',
      'chapters: [02-b.md, 01-a.md]',
      'html: trusted',
      'reveal: { transition: fade, hash: true }',
      'handouts: { layouts: [6-up, outline], paper: Letter }',
      'titleSlide: false',
      'agenda: false',
      'duration: 45',
      'speakingRate: 150',
    ].join('\n')
    const { value, diagnostics } = resolveDeckConfig(text, FILE)
    expect(diagnostics).toEqual([])
    expect(value).toMatchObject({
      date: '2026-01-15',
      theme: 'midnight',
      chapters: ['02-b.md', '01-a.md'],
      html: 'trusted',
      reveal: { transition: 'fade', hash: true },
      handouts: { layouts: ['6-up', 'outline'], paper: 'Letter' },
      titleSlide: false,
      agenda: false,
      duration: 45,
      speakingRate: 150,
      math: { macros: {} },
    })
    expect(value.spans.chapters).toEqual({ file: FILE, line: 7, column: 1 })
    expect(value.spans.speakingRate).toEqual({ file: FILE, line: 14, column: 1 })
  })

  it('accepts a number where a string is expected (a year as date)', () => {
    expect(resolveDeckConfig('title: 1984\ndate: 2026\n', FILE).value).toMatchObject({ title: '1984', date: '2026' })
  })

  it('lets CLI overrides win over deck.yml', () => {
    const text = 'title: T\ntheme: midnight\nhandouts:\n  paper: A4\n  layouts: [notes]\n'
    const { value } = resolveDeckConfig(text, FILE, { theme: 'daylight', paper: 'Letter', handouts: ['2-up'] })
    expect(value.theme).toBe('daylight')
    expect(value.handouts).toEqual({ layouts: ['2-up'], paper: 'Letter' })
  })

  it('points a missing title at line 1', () => {
    const { diagnostics } = resolveDeckConfig('author: Ada\n', FILE)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ file: FILE, line: 1 }) })])
    expect(diagnostics[0]!.message).toContain('title')
  })

  it('suggests `title` for `titel` and points at its line', () => {
    const { diagnostics } = resolveDeckConfig('# my deck\nauthor: Ada\ntitel: T\n', FILE)
    const unknown = diagnostics.find((d) => d.code === 'config-unknown-key')
    expect(unknown).toMatchObject({ span: { file: FILE, line: 3, column: 1 } })
    expect(unknown!.message).toContain('did you mean `title`?')
    expect(unknown!.hint).toContain('speakingRate')
  })

  it('reports a duration written as text as a wrong type at its line', () => {
    const { diagnostics } = resolveDeckConfig('title: T\nduration: 45 minutes\n', FILE)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: { file: FILE, line: 2, column: 1 } })])
    expect(diagnostics[0]!.message).toMatch(/^`duration` must be a number, got string/)
  })

  it('reports an unknown handout layout at the item that names it', () => {
    const { diagnostics } = resolveDeckConfig('title: T\nhandouts:\n  layouts:\n    - notes\n    - 4-up\n', FILE)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: { file: FILE, line: 5, column: 7 } })])
    expect(diagnostics[0]!.message).toContain('`handouts.layouts[1]` must be one of `notes`, `2-up`, `3-up`, `6-up`, `outline`')
  })

  it('reports a YAML syntax error with line and column, and still returns defaults', () => {
    const { value, diagnostics } = resolveDeckConfig('title: T\nchapters: [a.md,\n', FILE)
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-syntax'])
    expect(diagnostics[0]!.span).toMatchObject({ file: FILE, line: expect.any(Number), column: expect.any(Number) })
    expect(value.theme).toBe('daylight')
  })

  it('calls an empty file and a list clear errors', () => {
    expect(resolveDeckConfig('', FILE).diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', message: 'deck.yml is empty' })])
    expect(resolveDeckConfig('- title: T\n', FILE).diagnostics).toEqual([
      expect.objectContaining({ code: 'config-invalid', message: expect.stringContaining('mapping') }),
    ])
  })
})
