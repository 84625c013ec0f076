// Pure: a typeset formula -> text runs with sub- and superscripts, read from the MathML KaTeX
// writes beside its HTML, for text that cannot hold a formula (the PowerPoint's editable text).
import { createRequire } from 'node:module'
import type { ChildNode, Element } from 'domhandler'
import type { FormulaRun } from '../model.js'

// Loaded on the first formula read: a build without inline formulas never loads a DOM parser.
const require = createRequire(import.meta.url)

export type { FormulaRun }

type Script = FormulaRun['script']

/** Thrown for what has no linear form here (a matrix, an aligned block): the TeX stays instead. */
class NoTextForm extends Error {}

/**
 * The formula in `html` (KaTeX's output with its MathML) as runs, or undefined when it has a
 * part with no linear form (matrices, cases, aligned equations) or no MathML at all. Fractions
 * become a/b, roots √x, accents combining marks, limits sub- and superscripts; a script inside
 * a script stays at the outer one's level (PowerPoint has one).
 */
export function formulaRuns(html: string): FormulaRun[] | undefined {
  // Only the MathML is read: the HTML beside it, several times as long, is left unparsed.
  const start = html.indexOf('<math')
  const end = html.indexOf('</math>', start)
  if (start === -1 || end === -1) return undefined
  const { parseDocument } = require('htmlparser2') as typeof import('htmlparser2')
  const math = find(parseDocument(html.slice(start, end + 7), { xmlMode: true }).children, 'math')
  const semantics = math && find(math.children, 'semantics')
  const body = semantics ? elements(semantics.children).filter((e) => e.name !== 'annotation') : math ? elements(math.children) : []
  if (body.length === 0) return undefined
  try {
    return merge(body.flatMap((e) => runsOf(e, undefined)))
  } catch (err) {
    if (err instanceof NoTextForm) return undefined
    throw err
  }
}

function runsOf(el: Element, script: Script): FormulaRun[] {
  const kids = elements(el.children)
  const at = (i: number): Element => kids[i] ?? fail()
  switch (el.name) {
    case 'mi':
      return [identifier(textOf(el), el.attribs.mathvariant, script)]
    case 'mn':
    case 'mtext':
    case 'ms':
      return [run(textOf(el).replace(/\u00a0/g, ' '), script)]
    case 'mo':
      // The invisible operators read as nothing (function application is spaced by its row).
      return [run(textOf(el).replace(/[\u2061-\u2064]/g, ''), script)]
    case 'mspace':
      return spaceWidth(el.attribs.width) >= 0.2 ? [run(' ', script)] : []
    case 'mrow':
    case 'mstyle':
    case 'mpadded':
    case 'menclose':
      return row(kids, script)
    case 'mphantom':
      return []
    case 'msub':
      return [...runsOf(at(0), script), ...runsOf(at(1), script ?? 'sub')]
    case 'msup':
      return [...runsOf(at(0), script), ...runsOf(at(1), script ?? 'super')]
    case 'msubsup':
      return [...runsOf(at(0), script), ...runsOf(at(1), script ?? 'sub'), ...runsOf(at(2), script ?? 'super')]
    case 'munder':
      return [...runsOf(at(0), script), ...limit(at(1), script ?? 'sub')]
    case 'mover':
      return el.attribs.accent === 'true' ? accented(at(0), at(1), script) : [...runsOf(at(0), script), ...limit(at(1), script ?? 'super')]
    case 'munderover':
      return [...runsOf(at(0), script), ...limit(at(1), script ?? 'sub'), ...limit(at(2), script ?? 'super')]
    case 'mfrac':
      return [...grouped(at(0), script), run('/', script), ...grouped(at(1), script)]
    case 'msqrt':
      // Its children are the radicand, as in an mrow.
      if (kids.length !== 1) return [run('√(', script), ...row(kids, script), run(')', script)]
      return [run('√', script), ...grouped(at(0), script)]
    case 'mroot':
      return [...runsOf(at(1), script ?? 'super'), run('√', script), ...grouped(at(0), script)]
    default:
      return fail()
  }
}

// Relations and binary operators get a space on each side, as TeX spaces them; not in scripts,
// and not a sign at the start of a group (−x).
const SPACED = new Set([
  '=', '≠', '<', '>', '≤', '≥', '≈', '≡', '∼', '≃', '≅', '∝', '≪', '≫', '≜', '←', '→', '↔', '⇐', '⇒', '⇔', '↦', '∈', '∉', '⊂', '⊆', '⊃', '⊇',
  '∣', '∥', '⊥', ':', '⊢', '⊨', '+', '−', '±', '∓', '×', '÷', '·', '⋅', '∘', '∗', '⊗', '⊕', '∪', '∩', '∧', '∨',
])
const CLOSING = /[)\]}|⟩⌋⌉]$/

function row(kids: readonly Element[], script: Script): FormulaRun[] {
  return kids.flatMap((kid, i) => {
    const before = kids[i - 1]
    // A function applied to what follows: sin x, but sin(x), and nothing at the end of a group.
    if (kid.name === 'mo' && textOf(kid) === '\u2061') {
      const next = kids[i + 1]
      return next && !/^[([{|⟨⌊⌈]/.test(textOf(next)) ? [run(' ', script)] : []
    }
    const runs = runsOf(kid, script)
    if (script) return runs
    // A sum, product or integral (with its limits) stands apart from what is around it.
    if (bigOperator(kid)) {
      const next = kids[i + 1]
      const spaceBefore = before && (before.name !== 'mo' || CLOSING.test(textOf(before)))
      const spaceAfter = next && next.name !== 'mo'
      return [...(spaceBefore ? [run(' ', script)] : []), ...runs, ...(spaceAfter ? [run(' ', script)] : [])]
    }
    const text = textOf(kid)
    // A function's name after a letter or number stands apart from it (n log n).
    if (kid.name === 'mi' && [...text].length > 1 && before && before.name !== 'mo') return [run(' ', script), ...runs]
    if (kid.name !== 'mo') return runs
    // A comma or semicolon is followed by a space, as TeX spaces punctuation.
    if ((text === ',' || text === ';') && kids[i + 1]) return [...runs, run(' ', script)]
    const sign = !before || (before.name === 'mo' && !CLOSING.test(textOf(before)))
    return SPACED.has(text) && !sign ? [run(' ', script), ...runs, run(' ', script)] : runs
  })
}

const BIG = /^[∑∏∐∫∬∭∮⋃⋂⨁⨂]$/
const WITH_LIMITS = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover'])

function bigOperator(el: Element): boolean {
  const base = WITH_LIMITS.has(el.name) ? elements(el.children)[0] : el
  return base?.name === 'mo' && BIG.test(textOf(base))
}

// Braces and brackets drawn over or under a group (\underbrace, \overbrace): their label stays.
const STRETCHED = /^[⏟⏞⎵⎴︸︷⏝⏜]$/

/** What goes under or over a base, as a script; a stretched brace alone is left out. */
function limit(el: Element, script: Script): FormulaRun[] {
  return el.name === 'mo' && STRETCHED.test(textOf(el)) ? [] : runsOf(el, script)
}

/** A fraction's part or a root's radicand, in parentheses when it is more than one piece. */
function grouped(el: Element, script: Script): FormulaRun[] {
  const runs = runsOf(el, script)
  const plural = el.name === 'mrow' && elements(el.children).length > 1
  return plural ? [run('(', script), ...runs, run(')', script)] : runs
}

// Accents TeX puts over a letter, as the combining marks that do the same in text.
const COMBINING: Readonly<Record<string, string>> = {
  '^': '\u0302', 'ˆ': '\u0302', '~': '\u0303', '˜': '\u0303', '¯': '\u0304', 'ˉ': '\u0304', '‾': '\u0305', '˙': '\u0307', '¨': '\u0308',
  '→': '\u20d7', '⃗': '\u20d7', 'ˇ': '\u030c', '˘': '\u0306', '´': '\u0301', '`': '\u0300', '∘': '\u030a',
}

function accented(base: Element, accent: Element, script: Script): FormulaRun[] {
  const mark = COMBINING[textOf(accent)]
  const runs = merge(runsOf(base, script))
  const only = runs.length === 1 ? runs[0]! : undefined
  const chars = only ? [...only.text] : []
  // A line over a group marks each of its letters; other accents sit on a single letter.
  const over = mark === '\u0305' || (mark === '\u0304' && chars.length > 1)
  if (!mark || !only || (chars.length !== 1 && !over)) return [...runs, ...limit(accent, script ?? 'super')]
  return [{ ...only, text: chars.map((c) => c + (over ? '\u0305' : mark)).join('') }]
}

// The letters Unicode has in its Letterlike Symbols block (which text fonts carry), for
// \mathbb, \mathcal and \mathfrak; other letters stay plain rather than risk empty boxes.
const VARIANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
}

function identifier(text: string, variant: string | undefined, script: Script): FormulaRun {
  const letters = variant && VARIANTS[variant]
  if (letters) return run([...text].map((c) => letters[c] ?? c).join(''), script)
  // TeX sets a lone letter in italic, a name (sin, log) upright.
  const italic = variant === undefined ? [...text].length === 1 && /\p{L}/u.test(text) : variant.includes('italic')
  const bold = variant?.includes('bold') ?? false
  return { text, ...(script && { script }), ...(italic && { italic: true }), ...(bold && { bold: true }) }
}

function run(text: string, script: Script): FormulaRun {
  return script ? { text, script } : { text }
}

function merge(runs: readonly FormulaRun[]): FormulaRun[] {
  const out: FormulaRun[] = []
  for (const r of runs) {
    if (!r.text) continue
    const prev = out.at(-1)
    if (prev && prev.script === r.script && prev.italic === r.italic && prev.bold === r.bold) out[out.length - 1] = { ...prev, text: prev.text + r.text }
    else out.push(r)
  }
  return out
}

/** An `mspace` width in em (KaTeX writes em). */
function spaceWidth(width: string | undefined): number {
  const em = /^(-?[\d.]+)em$/.exec(width ?? '')
  return em ? Number(em[1]) : 0
}

function elements(nodes: readonly ChildNode[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'tag')
}

function find(nodes: readonly ChildNode[], name: string): Element | undefined {
  for (const node of elements(nodes)) {
    if (node.name === name) return node
    const inner = find(node.children, name)
    if (inner) return inner
  }
  return undefined
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data
  return 'children' in node ? node.children.map(textOf).join('') : ''
}

function fail(): never {
  throw new NoTextForm()
}
