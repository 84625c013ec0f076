import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { formulaRuns, type FormulaRun } from '../../../src/math/formula-runs.js'

const typeset = (tex: string): string => katex.renderToString(tex, { output: 'htmlAndMathml', throwOnError: true })
// The runs written back as TeX-like text: each stretch of one script level in braces.
const text = (runs: readonly FormulaRun[] | undefined): string => {
  const stretches: { script?: string; text: string }[] = []
  for (const r of runs ?? []) {
    const last = stretches.at(-1)
    if (last && last.script === r.script) last.text += r.text
    else stretches.push({ ...(r.script && { script: r.script }), text: r.text })
  }
  return stretches.map((s) => (s.script === 'super' ? `^{${s.text}}` : s.script === 'sub' ? `_{${s.text}}` : s.text)).join('')
}

describe('formulaRuns', () => {
  it('writes letters in italic, names upright, and scripts raised or lowered', () => {
    const runs = formulaRuns(typeset('e^{i\\pi} + 1 = 0'))
    expect(runs).toEqual([
      { text: 'e', italic: true },
      { text: 'iπ', script: 'super', italic: true },
      { text: ' + 1 = 0' },
    ])
    expect(text(formulaRuns(typeset('\\sin x')))).toBe('sin x')
    expect(formulaRuns(typeset('\\sin x'))).toEqual([{ text: 'sin ' }, { text: 'x', italic: true }])
    expect(text(formulaRuns(typeset('\\sin(x) + \\operatorname{softmax}(z)_i')))).toBe('sin(x) + softmax(z)_{i}')
    expect(text(formulaRuns(typeset('\\max_i x_i')))).toBe('max_{i}x_{i}')
  })

  it('spaces relations and operators but not a leading sign, and keeps symbols as Unicode', () => {
    expect(text(formulaRuns(typeset('\\theta_{5} \\leftarrow \\theta - \\eta \\nabla_\\theta \\mathcal{L}_{5}')))).toBe('θ_{5} ← θ − η∇_{θ}ℒ_{5}')
    expect(text(formulaRuns(typeset('-x \\le y')))).toBe('−x ≤ y')
    expect(text(formulaRuns(typeset('\\mathcal{O}(n \\log n), p(x \\mid \\theta)')))).toBe('O(n log n), p(x ∣ θ)')
  })

  it('writes fractions, roots, accents and limits in a line', () => {
    expect(text(formulaRuns(typeset('\\frac{a+b}{2}')))).toBe('(a + b)/2')
    expect(text(formulaRuns(typeset('\\sqrt{x+1} + \\sqrt[3]{y}')))).toBe('√(x + 1) + ^{3}√y')
    // MathML written by hand may give a root several children: they are its radicand.
    expect(text(formulaRuns('<math><msqrt><mi>a</mi><mo>+</mo><mi>b</mi></msqrt></math>'))).toBe('√(a + b)')
    expect(text(formulaRuns(typeset('\\hat{x} + \\vec{v}')))).toBe('x\u0302 + v\u20d7')
    expect(text(formulaRuns(typeset('\\bar{x} + \\overline{AB}')))).toBe('x\u0304 + A\u0305B\u0305')
    expect(text(formulaRuns(typeset('\\underbrace{a+b}_{n}')))).toBe('a + b_{n}')
    expect(text(formulaRuns(typeset('\\sum_{i=1}^n i^2')))).toBe('∑_{i=1}^{n} i^{2}')
    expect(text(formulaRuns(typeset('\\frac{1}{n}\\sum_i x_i')))).toBe('1/n ∑_{i} x_{i}')
    expect(text(formulaRuns(typeset('x^{y^2}')))).toBe('x^{y2}')
    expect(text(formulaRuns(typeset('\\mathbb{R}^n, \\mathbf{v}')))).toBe('ℝ^{n}, v')
    expect(formulaRuns(typeset('\\mathbf{v}'))).toEqual([{ text: 'v', bold: true }])
  })

  it('gives up on what has no linear form, and on HTML without MathML', () => {
    expect(formulaRuns(typeset('\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}'))).toBeUndefined()
    expect(formulaRuns(katex.renderToString('x', { output: 'html' }))).toBeUndefined()
  })
})
