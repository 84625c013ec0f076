import { describe, expect, it } from 'vitest'
import type { DeckMeasurements, SlideMeasurement } from '../../../src/check/deck-measurements.js'
import { brokenLink, judgeMeasurements } from '../../../src/check/judge-measurements.js'
import type { Slide } from '../../../src/model.js'
import { testSlide } from '../../helpers/slide.js'

const FILE = '/deck/01-intro.md'
const SOURCE = [
  '---', // 1
  'title: Intro', // 2
  '---', // 3
  '', // 4
  '## First', // 5
  '', // 6
  '- see [the handout](handout.pdf)', // 7
  '- and [a slide](#/second)', // 8
  '', // 9
  '---', // 10
  '', // 11
  '## Second', // 12
  '', // 13
  '![A photo](images/photo.png)', // 14
  'Text with ᏣᎳᎩ in it', // 15
].join('\n')

/** A slide as buildSlides gives it: its Markdown (lines `line`..`end`) and the links it found, with their lines. */
function slide(id: string, line: number, end: number, links: Slide['links'] = [], generated = false): Slide {
  const markdown = SOURCE.split('\n').slice(line - 1, end).join('\n')
  return testSlide({ id, generated, span: { file: FILE, line, endLine: end }, source: { file: FILE, markdown, markdownLine: line }, links })
}

function measured(id: string, h: number, extra: Partial<SlideMeasurement> = {}): SlideMeasurement {
  return { id, h, v: 0, frameWidth: 1280, frameHeight: 720, overflow: { top: 0, right: 0, bottom: 0, left: 0 }, clipped: [], images: [], links: [], glyphs: [], ...extra }
}

const slides = [
  slide('first', 5, 8, [{ kind: 'link', href: 'handout.pdf', span: { file: FILE, line: 7, column: 22 } }]),
  slide('second', 12, 15, [{ kind: 'image', href: 'media/images/photo.png', span: { file: FILE, line: 14, column: 12 } }]),
]

function judge(ms: SlideMeasurement[], outputFiles: string[] = ['index.html']) {
  const measurements: DeckMeasurements = { slides: ms, ids: ['first', 'second', 'footer'] }
  return judgeMeasurements({ measurements, slides, outputFiles: new Set(outputFiles) })
}

describe('judgeMeasurements', () => {
  it('reports overflow past the tolerance with the slide line, px and %', () => {
    const [d, ...rest] = judge([measured('first', 0, { overflow: { top: 0, right: 0, bottom: 72, left: 0 } }), measured('second', 1, { overflow: { top: 0, right: 2, bottom: 1.5, left: 0 } })])
    expect(rest).toEqual([])
    expect(d).toMatchObject({ severity: 'error', code: 'slide-overflow', span: { file: FILE, line: 5 } })
    expect(d!.message).toContain('72 px at the bottom (10%')
  })

  it('names content cut inside an element', () => {
    expect(judge([measured('first', 0, { clipped: [{ element: 'pre', hidden: 120 }] })])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'slide-overflow', span: { file: FILE, line: 5, endLine: 8 } }),
    ])
  })

  it('warns about raster images more than twice as large as shown, at the line the slide wrote it', () => {
    const image = { src: 'media/images/photo.png', naturalWidth: 4000, naturalHeight: 3000, shownWidth: 800, shownHeight: 600, loaded: true, vector: false }
    expect(judge([measured('second', 1, { images: [image] })])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'image-oversized', span: { file: FILE, line: 14, column: 12 } }),
    ])
    expect(judge([measured('second', 1, { images: [{ ...image, naturalWidth: 1500 }] })])).toEqual([])
    expect(judge([measured('second', 1, { images: [{ ...image, vector: true }] })])).toEqual([])
    expect(judge([measured('second', 1, { images: [{ ...image, loaded: false }] })])).toEqual([expect.objectContaining({ code: 'image-broken', span: { file: FILE, line: 14, column: 12 } })])
  })

  it('reports broken local links and slide anchors at their line', () => {
    const ds = judge([measured('first', 0, { links: ['handout.pdf', '#/second', '#/nowhere', 'https://example.com/x'] }), measured('second', 1)])
    expect(ds.map((d) => [d.code, d.span?.line, d.message.includes('handout.pdf') || d.message.includes('nowhere')])).toEqual([
      ['link-broken', 7, true],
      ['link-broken', 5, true],
    ])
    expect(judge([measured('first', 0, { links: ['handout.pdf'] })], ['index.html', 'handout.pdf'])).toEqual([])
  })

  it('makes missing glyphs an error and system stand-ins a warning, at the character line', () => {
    const ds = judge([measured('second', 1, { glyphs: [{ chars: 'ᏣᎳᎩ', fontFamily: 'Inter, sans-serif', tofu: true }, { chars: 'ⵜ', fontFamily: 'Inter, sans-serif', tofu: false }] })])
    expect(ds).toEqual([
      expect.objectContaining({ severity: 'error', code: 'glyph-missing', span: { file: FILE, line: 15, column: 11 } }),
      expect.objectContaining({ severity: 'warning', code: 'glyph-missing', span: { file: FILE, line: 12, endLine: 15 } }),
    ])
    expect(ds[0]!.message).toContain('U+13E3')
  })
})

describe('text over a background picture', () => {
  it('warns at the line of text the picture leaves hard to read', () => {
    const ds = judgeMeasurements({ measurements: { slides: [measured('second', 1, { contrast: [{ text: 'Text with ᏣᎳᎩ in it', ratio: 1.4, needed: 4.5 }] })], ids: [] }, slides, outputFiles: new Set() })
    expect(ds).toEqual([expect.objectContaining({ severity: 'warning', code: 'background-contrast', span: expect.objectContaining({ file: FILE, line: 15 }) })])
  })
})

describe('brokenLink', () => {
  const targets = { ids: new Set(['intro', 'top']), positions: new Set(['0/0', '1/0', '1/1']), outputFiles: new Set(['index.html', 'media/a b.pdf', 'docs/index.html']) }
  it.each(['https://x.test/', 'mailto:a@b.c', '//cdn.test/x.js', '#', '#/intro', '#/intro/2', '#top', '#/1/1', '#/0', '#/', 'media/a%20b.pdf', './media/a%20b.pdf?x=1#p2', 'docs/', 'media/../index.html'])('accepts %s', (href) => {
    expect(brokenLink(href, targets)).toBeUndefined()
  })
  it.each(['#/missing', '#missing', '#/2', '#/1/2', 'media/nope.pdf', '../outside.html', 'media/../../x', 'nodir/'])('refuses %s', (href) => {
    expect(brokenLink(href, targets)).toEqual(expect.any(String))
  })
})

describe('where a finding is told', () => {
  it('searches only the slide\'s own Markdown for what its data does not name', () => {
    const image = { src: 'media/elsewhere/photo.png', naturalWidth: 4000, naturalHeight: 3000, shownWidth: 800, shownHeight: 600, loaded: true, vector: false }
    // Not among the first slide's links, and "photo.png" is written only on the second slide: the first slide's line.
    expect(judge([measured('first', 0, { images: [image] })])[0]!.span).toEqual({ file: FILE, line: 5, endLine: 8 })
    expect(judge([measured('second', 1, { images: [image] })])[0]!.span).toEqual({ file: FILE, line: 14, column: 19 })
  })
  it('keeps generated slides at their span', () => {
    const title = slide('title', 2, 2, [], true)
    const ds = judgeMeasurements({ measurements: { slides: [measured('title', 0, { glyphs: [{ chars: 'I', fontFamily: 'x', tofu: true }] })], ids: [] }, slides: [title], outputFiles: new Set() })
    expect(ds[0]!.span).toEqual({ file: FILE, line: 2, endLine: 2 })
  })
})
