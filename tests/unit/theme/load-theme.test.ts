import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTheme } from '../../../src/theme/load-theme.js'
import { BUILTIN_THEMES, rejection, themesDir } from './theme-helpers.js'

const cssVar = (css: string, name: string): string | undefined => new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]

describe('loadTheme: inheritance', () => {
  it('lets a child change only what differs, and keeps the rest of its parent', async () => {
    const dir = themesDir({
      'base/theme.yml': 'colors:\n  background: "#ffffff"\n  text: "#222222"\n  accent: "#0044cc"\nfooter: Base footer\n',
      'child/theme.yml': 'extends: base\ncolors:\n  accent: "#005f73"\n',
    })
    const { value } = await loadTheme('child', [dir])
    expect(cssVar(value.css, '--dh-accent')).toBe('#005f73')
    expect(cssVar(value.css, '--dh-text')).toBe('#222222')
    expect(value.footer).toBe('Base footer')
    expect(value.name).toBe('child')
  })

  it('resolves `extends` of a theme named like its parent to the next one down the lookup order', async () => {
    const project = themesDir({ 'daylight/theme.yml': 'extends: daylight\nfooter: Ours\n' })
    const { value } = await loadTheme('daylight', [project, BUILTIN_THEMES])
    expect(value.footer).toBe('Ours')
    expect(cssVar(value.css, '--dh-bg')).toBe('#fbfaf7')
  })

  it('reports an extends cycle at the extends line', async () => {
    const dir = themesDir({ 'a/theme.yml': 'extends: b\n', 'b/theme.yml': 'name: B\nextends: a\n' })
    const [d] = await rejection(loadTheme('a', [dir]))
    expect(d).toMatchObject({ code: 'theme-invalid', span: { file: join(dir, 'b', 'theme.yml'), line: 2 } })
    expect(d!.message).toContain('a → b → a')
  })

  it('lists every place searched for a missing theme, with a did-you-mean', async () => {
    const deck = themesDir({})
    const project = themesDir({ 'acme/theme.yml': 'name: Acme\n' })
    const [d] = await rejection(loadTheme('acne', [deck, project, BUILTIN_THEMES]))
    expect(d!.code).toBe('theme-not-found')
    for (const place of [deck, project, BUILTIN_THEMES]) expect(d!.hint).toContain(join(place, 'acne', 'theme.yml'))
    expect(d!.hint).toContain('"acme"')
  })

  it('reports a missing parent at the extends line', async () => {
    const dir = themesDir({ 'x/theme.yml': 'name: X\nextends: nowhere\n' })
    const [d] = await rejection(loadTheme('x', [dir]))
    expect(d).toMatchObject({ code: 'theme-not-found', span: { file: join(dir, 'x', 'theme.yml'), line: 2 } })
  })
})

describe('loadTheme: files', () => {
  it('reports a missing font file at its line and says where it looked', async () => {
    const dir = themesDir({ 'brand/theme.yml': 'fonts:\n  body: Inter\n  heading:\n    family: Brand Sans\n    file: fonts/Brand.woff2\n' })
    const [d] = await rejection(loadTheme('brand', [dir]))
    expect(d).toMatchObject({ code: 'theme-file-not-found', span: { file: join(dir, 'brand', 'theme.yml'), line: 5 } })
    // As written in theme.yml: the span already names the theme's file.
    expect(d!.message).toContain('fonts/Brand.woff2')
    expect(d!.message).not.toContain(dir)
  })

  it('points at the one missing file in a list of font files', async () => {
    const dir = themesDir({
      'brand/theme.yml': 'fonts:\n  body:\n    family: Brand\n    files:\n      - file: fonts/B-400.woff2\n        weight: 400\n      - file: fonts/B-700.woff2\n        weight: 700\n',
      'brand/fonts/B-400.woff2': 'x',
    })
    const diagnostics = await rejection(loadTheme('brand', [dir]))
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'theme-file-not-found', span: expect.objectContaining({ line: 7 }) })])
  })

  it('reports a missing logo and a missing background image together', async () => {
    const dir = themesDir({ 'brand/theme.yml': 'logo:\n  file: logo.svg\ntitleSlide:\n  background: hero.jpg\n' })
    const diagnostics = await rejection(loadTheme('brand', [dir]))
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ['theme-file-not-found', 2],
      ['theme-file-not-found', 4],
    ])
  })

  it('copies theme files (font, logo, background) under theme/<name>/ and points the CSS there', async () => {
    const dir = themesDir({
      'brand/theme.yml': 'fonts:\n  heading:\n    family: Brand Sans\n    files:\n      - { file: fonts/B-400.woff2, weight: 400 }\n      - { file: fonts/B-700.woff2, weight: 700 }\nlogo:\n  file: logo.svg\n  position: bottom-left\n  alt: Brand\nsectionSlide:\n  background: bg/section.png\n  text: "#ffffff"\n',
      'brand/fonts/B-400.woff2': 'x',
      'brand/fonts/B-700.woff2': 'x',
      'brand/logo.svg': '<svg/>',
      'brand/bg/section.png': 'x',
    })
    const { value } = await loadTheme('brand', [dir])
    expect(value.logo).toEqual({ src: 'theme/brand/logo.svg', alt: 'Brand', position: 'bottom-left' })
    expect(value.assets).toEqual(expect.arrayContaining([{ from: join(dir, 'brand', 'fonts', 'B-700.woff2'), to: 'theme/brand/fonts/B-700.woff2' }, { from: join(dir, 'brand', 'logo.svg'), to: 'theme/brand/logo.svg' }]))
    expect(value.css).toContain("font-family: 'Brand Sans';\n  font-style: normal;\n  font-weight: 700;")
    expect(value.css).toContain("src: url(theme/brand/fonts/B-700.woff2) format('woff2')")
    expect(cssVar(value.css, '--dh-font-heading')).toMatch(/^'Brand Sans', .*sans-serif$/)
    expect(cssVar(value.css, '--dh-section-bg')).toBe('url("theme/brand/bg/section.png") center / cover no-repeat')
  })
})

describe('loadTheme: theme.css', () => {
  it('reports a CSS syntax error with file, line and column', async () => {
    const dir = themesDir({ 'x/theme.yml': 'name: X\n', 'x/theme.css': '.a { color: red; }\n\n.b { color: blue;\n' })
    const [d] = await rejection(loadTheme('x', [dir]))
    expect(d).toMatchObject({ code: 'theme-css-syntax', span: { file: join(dir, 'x', 'theme.css'), line: 3, column: 1 } })
  })

  it('warns about CSS that fetches from the network, and appends the CSS after the variables', async () => {
    const dir = themesDir({
      'x/theme.yml': 'name: X\n',
      'x/theme.css': '@import url("https://fonts.googleapis.com/css2?family=Lobster");\n.a { background: url(https://example.com/a.png); }\n.b { background: url(img/b.png); }\n',
      'x/img/b.png': 'png',
    })
    const { value, diagnostics } = await loadTheme('x', [dir])
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([
      ['theme-remote-url', 1],
      ['theme-remote-url', 2],
    ])
    expect(value.css.indexOf('.b { background: url("theme/x/img/b.png"); }')).toBeGreaterThan(value.css.indexOf('--dh-bg'))
    expect(value.assets).toContainEqual({ from: join(dir, 'x', 'img', 'b.png'), to: 'theme/x/img/b.png' })
  })

  it('keeps theme.css on slides and print.css on handouts', async () => {
    const dir = themesDir({ 'x/theme.yml': 'name: X\n', 'x/theme.css': '.slide-only { color: var(--dh-accent); }\n', 'x/print.css': '.paper-only { color: var(--dh-text); }\n' })
    const { value } = await loadTheme('x', [dir])
    expect(value.css).toContain('.slide-only')
    expect(value.css).not.toContain('.paper-only')
    expect(value.printCss).toContain('.paper-only')
    expect(value.printCss).not.toContain('.slide-only')
  })
})
