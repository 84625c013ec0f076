import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { planMathStylesheet } from '../../../src/math/math-stylesheet.js'

const require = createRequire(import.meta.url)
const css = readFileSync(require.resolve('katex/dist/katex.css'), 'utf8')
const katex = require('katex') as typeof import('katex').default

describe('planMathStylesheet', () => {
  it('keeps only the font faces the formulas use, pointing at fonts/katex/', () => {
    const sheet = planMathStylesheet(css, '/k/fonts', [katex.renderToString('x + \\mathbb{R}')])
    expect(sheet.assets.map((a) => a.to).sort()).toEqual(['fonts/katex/KaTeX_AMS-Regular.woff2', 'fonts/katex/KaTeX_Main-Regular.woff2', 'fonts/katex/KaTeX_Math-Italic.woff2'])
    expect(sheet.assets[0]!.from).toMatch(/^\/k\/fonts\/KaTeX_/)
    expect(sheet.css.match(/@font-face/g)).toHaveLength(3)
    expect(sheet.css).not.toMatch(/\.woff\)|\.ttf\)/)
  })

  it('adds a family when a formula asks for it', () => {
    const sheet = planMathStylesheet(css, '/k', [katex.renderToString('\\mathfrak{g} \\mathbf{x}')])
    expect(sheet.assets.map((a) => a.to)).toEqual(expect.arrayContaining(['fonts/katex/KaTeX_Fraktur-Regular.woff2', 'fonts/katex/KaTeX_Main-Bold.woff2']))
  })
})
