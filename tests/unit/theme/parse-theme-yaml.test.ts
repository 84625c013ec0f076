import { describe, expect, it } from 'vitest'
import { parseThemeYaml } from '../../../src/theme/parse-theme-yaml.js'
import { themeInputSchema } from '../../../src/theme/theme-schema.js'
import { allowedKeys } from '../../../src/yaml/validate-yaml-mapping.js'

describe('parseThemeYaml', () => {
  it('accepts a small kit and records the line of every key', () => {
    const { value, diagnostics } = parseThemeYaml('name: Acme\nextends: daylight\ncolors:\n  accent: "#0b7285"\n  code:\n    keyword: red\n', 'themes/acme/theme.yml')
    expect(diagnostics).toEqual([])
    expect(value?.input).toEqual({ name: 'Acme', extends: 'daylight', colors: { accent: '#0b7285', code: { keyword: 'red' } } })
    expect(value?.spans['colors.accent']).toMatchObject({ file: 'themes/acme/theme.yml', line: 4 })
    expect(value?.spans['colors.code.keyword']).toMatchObject({ line: 6 })
  })

  it('names an unknown key at its line with a did-you-mean hint', () => {
    const { value, diagnostics } = parseThemeYaml('name: x\ncolors:\n  text: "#111"\n  backgrund: "#fff"\n', 't.yml')
    expect(value).toBeNull()
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-unknown-key', span: expect.objectContaining({ file: 't.yml', line: 4 }) })])
    expect(diagnostics[0]!.message).toContain('`background`')
  })

  it('reports a bad colour at the line that wrote it', () => {
    const { diagnostics } = parseThemeYaml('colors:\n  background: "#fff"\n\n  heading: "#12345g"\n', 't.yml')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ line: 4 }) })])
    expect(diagnostics[0]!.message).toContain('colors.heading')
  })

  it('accepts every CSS colour syntax culori parses', () => {
    const yaml = 'colors:\n  text: rebeccapurple\n  heading: "rgb(10 20 30)"\n  accent: "oklch(0.6 0.15 40)"\n  link: "hsl(210 80% 40%)"\n'
    expect(parseThemeYaml(yaml, 't.yml').diagnostics).toEqual([])
  })

  it('reports a misspelt key inside a font given as an object, not just "no match"', () => {
    const { diagnostics } = parseThemeYaml('fonts:\n  heading:\n    famly: Brand\n    file: a.woff2\n', 't.yml')
    const misspelt = diagnostics.find((d) => d.code === 'config-unknown-key')
    expect(misspelt?.span?.line).toBe(3)
    expect(misspelt?.message).toContain('`family`')
  })

  it('rejects a logo position that does not exist', () => {
    const { diagnostics } = parseThemeYaml('logo:\n  file: l.svg\n  position: middle\n', 't.yml')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ line: 3 }) })])
  })

  it('says what a font may be when it is none of them', () => {
    const { diagnostics } = parseThemeYaml('fonts:\n  body: 12\n', 't.yml')
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ line: 2 }) })])
    expect(diagnostics[0]!.message).toMatch(/a string or a mapping/)
  })

  it('keeps text fields as written, also nested ones', () => {
    const { value } = parseThemeYaml('name: 1.10\nfooter: 2026\nlogo:\n  file: l.svg\n  alt: 007\n', 't.yml')
    expect(value?.input).toMatchObject({ name: '1.10', footer: '2026', logo: { alt: '007' } })
  })

  it('turns YAML syntax errors into located diagnostics', () => {
    const { value, diagnostics } = parseThemeYaml('colors:\n  text: "#111\n', 't.yml')
    expect(value).toBeNull()
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', span: { file: 't.yml' } })
  })

  it('knows the keys allowed at each level, for hints', () => {
    expect(allowedKeys(themeInputSchema, ['colors', 'code'])).toContain('keyword')
    expect(allowedKeys(themeInputSchema, ['fonts', 'heading'])).toEqual(expect.arrayContaining(['family', 'file', 'files', 'system']))
  })
})

describe('slide backgrounds', () => {
  it('takes colours, gradients and image files, and rejects a broken colour', () => {
    const ok = 'titleSlide:\n  background: "linear-gradient(135deg, #000 0%, #333 100%)"\nsectionSlide:\n  background: images/section.jpg\n'
    expect(parseThemeYaml(ok, 't.yml').diagnostics).toEqual([])
    const bad = parseThemeYaml('titleSlide:\n  background: "#12345g"\n', 't.yml')
    expect(bad.diagnostics).toEqual([expect.objectContaining({ code: 'config-invalid', span: expect.objectContaining({ line: 2 }) })])
  })
})
