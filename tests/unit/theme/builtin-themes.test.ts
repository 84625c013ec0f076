import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { THEME_VARIABLES } from '../../../src/theme/generate-theme-css.js'
import { loadTheme } from '../../../src/theme/load-theme.js'
import { contrastRatio, isLightColor } from '../../../src/theme/check-contrast.js'
import { BUILTIN_THEMES } from './theme-helpers.js'

const BUILT_IN = ['daylight', 'midnight', 'contrast', 'northwind']
const cssVar = (css: string, name: string): string | undefined => new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]

/** The variable contract as written in src/model.ts's ThemeStyle comment. */
function contractVariables(): string[] {
  const model = readFileSync(fileURLToPath(new URL('../../../src/model.ts', import.meta.url)), 'utf8')
  const comment = model.slice(model.lastIndexOf('/**', model.indexOf('export interface ThemeStyle')), model.indexOf('export interface ThemeStyle'))
  return [...new Set(comment.match(/--dh-[a-z0-9-]*[a-z0-9]/g) ?? [])]
}

describe('built-in themes', () => {
  it('the generator knows exactly the variables src/model.ts promises templates', () => {
    expect(contractVariables().length).toBeGreaterThan(20)
    expect([...THEME_VARIABLES].sort()).toEqual(contractVariables().sort())
  })

  for (const name of BUILT_IN) {
    it(`${name}: loads with no warnings and defines every --dh-* variable for slides and print`, async () => {
      const { value, diagnostics } = await loadTheme(name, [BUILTIN_THEMES], { deckText: 'Hello 你好 🚀' })
      expect(diagnostics).toEqual([])
      for (const variable of contractVariables()) {
        expect(cssVar(value.css, variable), `${variable} in css`).toBeTruthy()
        expect(cssVar(value.printCss, variable), `${variable} in printCss`).toBeTruthy()
      }
      expect(value.css).toMatch(/^:root,\n\.reveal \{/m)
      expect([value.width, value.height]).toEqual([1280, 720])
    })
  }

  it('prints a dark theme on white paper with readable, on-brand colours', async () => {
    const { value } = await loadTheme('midnight', [BUILTIN_THEMES])
    expect(isLightColor(cssVar(value.css, '--dh-bg')!)).toBe(false)
    expect(cssVar(value.printCss, '--dh-bg')).toBe('#ffffff')
    expect(contrastRatio(cssVar(value.printCss, '--dh-text')!, '#ffffff')).toBeGreaterThanOrEqual(7)
    expect(contrastRatio(cssVar(value.printCss, '--dh-accent')!, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(cssVar(value.printCss, '--dh-font-body')).toBe(cssVar(value.css, '--dh-font-body'))
  })

  it('contrast: every reading pair on slides passes AAA (7:1)', async () => {
    const { value } = await loadTheme('contrast', [BUILTIN_THEMES])
    const v = (n: string) => cssVar(value.css, n)!
    for (const fg of ['--dh-text', '--dh-heading', '--dh-link', '--dh-muted']) expect(contrastRatio(v(fg), v('--dh-bg')), fg).toBeGreaterThanOrEqual(7)
    for (const fg of ['--dh-code-text', '--dh-code-keyword', '--dh-code-string', '--dh-code-comment', '--dh-code-number', '--dh-code-title']) {
      expect(contrastRatio(v(fg), v('--dh-code-bg')), fg).toBeGreaterThanOrEqual(7)
    }
  })

  it('northwind: extends daylight, adds the logo, footer and brand colours', async () => {
    const { value } = await loadTheme('northwind', [BUILTIN_THEMES])
    const daylight = (await loadTheme('daylight', [BUILTIN_THEMES])).value
    expect(value.logo).toEqual({ src: 'theme/northwind/logo.svg', alt: 'Northwind Robotics', position: 'top-right' })
    expect(value.footer).toBe('Northwind Robotics · Internal')
    expect(value.assets.map((a) => a.to)).toContain('theme/northwind/logo.svg')
    expect(cssVar(value.css, '--dh-accent')).toBe('#0b7285')
    expect(cssVar(value.css, '--dh-bg')).toBe(cssVar(daylight.css, '--dh-bg'))
    expect(cssVar(value.css, '--dh-font-heading')).toBe(cssVar(daylight.css, '--dh-font-heading'))
    expect(value.css).toContain('(extends daylight)')
  })
})
