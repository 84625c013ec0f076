import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { authorColours, mermaidPalette, roleOf, themeSvg } from '../../../src/diagrams/mermaid-theme.js'
import { fillIslands } from '../../../src/slides/islands.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

const build = (text: string) => buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/deck', chapters: [parseChapter('/deck/01-a.md', text).value] }).value

describe('mermaid fences', () => {
  it('become a figure with alt text, caption and a placeholder, and a request at the fence line', () => {
    const built = build('## Flow\n\nIntro.\n\n```mermaid {alt="Two boxes"} {+}\nflowchart LR\n  A --> B\n```\nA caption line\n\nAfter.')
    const slide = built.slides[0]!
    expect(built.diagrams).toEqual([{ key: expect.stringMatching(/^diagram-[0-9a-f]{16}$/), source: 'flowchart LR\n  A --> B', span: { file: '/deck/01-a.md', line: 5 } }])
    expect(slide.data.body).toContain('<figure class="dh-diagram fragment"><div class="dh-diagram-canvas" role="img" aria-label="Two boxes">')
    expect(slide.data.body).toContain('<figcaption>A caption line</figcaption>')
    expect(slide.data.body).toContain('<p>After.</p>')
    expect(fillIslands(slide.data.body, new Map([[built.diagrams[0]!.key, '<svg>drawn</svg>']]))).toContain('aria-label="Two boxes"><svg>drawn</svg></div>')
  })

  it('makes a lone diagram an image slide, never a code slide', () => {
    expect(build('## Flow\n\n```mermaid\nflowchart LR\n  A --> B\n```').slides[0]!.layout).toBe('image')
    expect(build('## Code\n\n```python\nx = 1\n```').slides[0]!.layout).toBe('code')
  })

  it('keeps a blank line after the fence from taking the next paragraph as a caption', () => {
    const body = build('```mermaid\npie\n  "a" : 1\n```\n\nNot a caption.').slides[0]!.data.body
    expect(body).not.toContain('<figcaption>')
    expect(body).toContain('<p>Not a caption.</p>')
  })
})

describe('mermaid colours', () => {
  it('gives every colour variable a role', () => {
    expect(roleOf('primaryColor')).toBe('fill')
    expect(roleOf('lineColor')).toBe('line')
    expect(roleOf('pie1')).toBe('series1')
    expect(roleOf('cScale7')).toBe('series2')
    expect(roleOf('someNewTextColor')).toBe('text')
  })

  it("rewrites stand-ins as the theme's variables, Mermaid's own greys as mixes, and keeps the author's colours", () => {
    const palette = mermaidPalette(['background', 'primaryColor', 'lineColor'])
    const [bg, fill, line] = ['background', 'primaryColor', 'lineColor'].map((k) => palette.variables[k]!)
    const svg = `<svg><style>#x .node rect{fill:${fill};stroke:#000000;font-family:"trebuchet ms";filter:drop-shadow(1px 1px 1px #999)}#x .label{color:${bg}}</style><path stroke="${line}" fill="rgba(${parseInt(fill!.slice(1, 3), 16)}, 1, 127, 0.5)"/><rect style="fill:#f9f" /><text>red white</text></svg>`
    const out = themeSvg(svg, palette, authorColours('flowchart LR\n  style A fill:#f9f'))
    expect(out).toContain('fill:var(--dh-surface)')
    expect(out).toContain('stroke:var(--dh-text)')
    expect(out).toContain('font-family:var(--dh-font-body)')
    expect(out).toContain('filter:none')
    expect(out).toContain('color:var(--dh-bg)')
    expect(out).toContain('stroke="var(--dh-diagram-line)"')
    expect(out).toContain('fill="color-mix(in srgb, var(--dh-surface) 50%, transparent)"')
    expect(out).toContain('style="fill:#f9f"')
    expect(out).toContain('<text>red white</text>')
  })
})
