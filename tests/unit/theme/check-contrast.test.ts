import { describe, expect, it } from 'vitest'
import { checkContrast, contrastRatio, ensureContrast, gradientColors } from '../../../src/theme/check-contrast.js'
import { resolveThemeKit } from '../../../src/theme/resolve-theme-kit.js'
import { parseThemeYaml } from '../../../src/theme/parse-theme-yaml.js'

function kit(yaml: string) {
  const parsed = parseThemeYaml(yaml, '/t/x/theme.yml')
  return resolveThemeKit([{ name: 'x', dir: '/t/x', parsed: parsed.value! }]).value!
}

describe('contrast', () => {
  it('computes WCAG ratios for known pairs', () => {
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('darkens a colour just enough on light paper, keeping its hue', () => {
    const fixed = ensureContrast('#2dd4bf', '#ffffff', 4.5)
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(fixed, '#ffffff')).toBeLessThan(6)
    expect(ensureContrast('#1a1a1a', '#ffffff', 4.5)).toBe('#1a1a1a')
  })

  it('checks diagram text on the surface at the surface line, and derives series colours the text reads on', () => {
    const diagnostics = checkContrast(kit('colors:\n  background: "#ffffff"\n  text: "#222222"\n  surface: "#444444"\n'))
    const onSurface = diagnostics.filter((d) => d.message.startsWith('Low contrast: diagram text on surface'))
    expect(onSurface).toEqual([expect.objectContaining({ code: 'contrast-low', span: { file: '/t/x/theme.yml', line: 4, column: 3 } })])
    expect(diagnostics.filter((d) => /diagram (lines|text on diagram colour)/.test(d.message))).toEqual([])
  })

  it('reads the colours of every gradient stop', () => {
    expect(gradientColors('linear-gradient(135deg, #14213d 0%, rgb(34 52 94) 100%)')).toEqual(['#14213d', 'rgb(34 52 94)'])
  })

  it('warns about a failing pair, naming it, both colours and the ratio, at the theme.yml line', () => {
    const diagnostics = checkContrast(kit('colors:\n  background: "#ffffff"\n  text: "#777777"\n'))
    const text = diagnostics.filter((d) => d.message.includes('text on background') && !d.message.startsWith('Low contrast: print'))
    expect(text).toHaveLength(1)
    expect(text[0]).toMatchObject({ severity: 'warning', code: 'contrast-low', span: { file: '/t/x/theme.yml', line: 3 } })
    expect(text[0]!.message).toContain('#777777 on #ffffff')
    expect(text[0]!.message).toContain('4.48:1')
  })

  it('checks title text against each gradient stop and the code palette', () => {
    const diagnostics = checkContrast(kit('titleSlide:\n  background: "linear-gradient(#ffffff, #000000)"\n  text: "#000000"\ncolors:\n  code:\n    background: "#ffffff"\n    comment: "#dddddd"\n'))
    expect(diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('title slide text on its background (#000000 on #000000)'), expect.stringContaining('code comment on code background')]),
    )
  })

  it('passes the default kit with no warnings, on slides and in print', () => {
    expect(checkContrast(kit('name: plain\n'))).toEqual([])
  })
})
