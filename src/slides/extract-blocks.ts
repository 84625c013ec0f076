// Pure: a slide's tokens -> ContentBlock[]: its text with its structure (list levels, table
// cells, code tokens, quote and attribution, columns), for outputs that are not HTML.
import type { Token, Tokens } from 'marked'
import { decodeEntities, plainText } from '../html/html-text.js'
import type { DiagramToken } from '../diagrams/diagram-syntax.js'
import { formulaRuns } from '../math/formula-runs.js'
import type { MathToken } from '../math/math-syntax.js'
import type { CodeBlock, ContentBlock, ImageRef, ListEntry, TableAlign, TextRun } from '../model.js'
import { parseCodeInfo } from './highlight-code.js'
import { highlightedCode, type BlockToken } from './markdown.js'

// A dash and something after it (no `\s*(.+)$`: that rescans runs of spaces).
const ATTRIBUTION = /^\s*(?:—|–|--|~)[\s\S]/
const COMMENT = /^\s*<!--[\s\S]*-->\s*$/

type Marks = Omit<TextRun, 'text'>

/**
 * Blocks of `tokens`, the top-level tokens of one slide's Markdown (whose raw text joins into
 * it), except `omit` (the title); `firstLine` is the file line of the Markdown's first line.
 * Nested blocks find their line by their first line of text.
 */
export function extractBlocks(tokens: readonly Token[], firstLine: number, omit?: Token): ContentBlock[] {
  const source = tokens.map((t) => t.raw).join('')
  const breaks: number[] = []
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) breaks.push(i)
  const lineAt = (offset: number): number => {
    let [lo, hi] = [0, breaks.length] // breaks before `offset`, by bisection
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (breaks[mid]! < offset) lo = mid + 1
      else hi = mid
    }
    return firstLine + lo
  }
  const find = (token: Token, from: number): number => {
    const first = token.raw.split('\n').find((l) => l.trim())?.trim() ?? ''
    const at = first ? source.indexOf(first, from) : -1
    return at < 0 ? from : at
  }
  const walk = (list: readonly Token[], offsetOf: (token: Token) => number): ContentBlock[] =>
    list.flatMap((token) => {
      const offset = offsetOf(token)
      if (token === omit) return []
      return blocksOf(token, lineAt(offset), (inner) => {
        let cursor = offset
        return walk(inner, (t) => (cursor = find(t, cursor)))
      })
    })
  let offset = 0
  return walk(tokens, (token) => {
    const at = offset
    offset += token.raw.length
    return at
  })
}

function blocksOf(token: Token, line: number, nested: (tokens: readonly Token[]) => ContentBlock[]): ContentBlock[] {
  switch (token.type) {
    case 'heading':
      return [{ kind: 'heading', line, depth: (token as Tokens.Heading).depth, runs: inlineRuns((token as Tokens.Heading).tokens) }]
    case 'paragraph':
    case 'text':
      return paragraph(token as Tokens.Paragraph, line)
    case 'list': {
      const images: ImageRef[] = []
      const items: ListEntry[] = []
      listEntries(token as Tokens.List, 0, items, images)
      return [{ kind: 'list', line, items }, ...images.map((image) => ({ kind: 'image' as const, line, image }))]
    }
    case 'table':
      return [table(token as Tokens.Table, line)]
    case 'code':
      return [{ kind: 'code', line, code: codeBlock(token as Tokens.Code) }]
    case 'blockquote': {
      const { body, cite } = quoteParts(token as Tokens.Blockquote)
      return [{ kind: 'quote', line, blocks: nested(body), cite: cite ? plainRuns(inlineRuns(cite)) : '' }]
    }
    case 'dhBlock': {
      const block = token as unknown as BlockToken
      if (block.kind === 'columns') return [{ kind: 'columns', line, columns: block.parts.map(nested) }]
      return [{ kind: 'container', line, name: block.kind, blocks: nested(block.parts[0] ?? []) }]
    }
    case 'hr':
      return [{ kind: 'rule', line }]
    // A diagram or a display formula of its own: the PowerPoint pictures it; text outputs (and
    // the PowerPoint when the picture fails) show its label or TeX (see figureRuns in export/blocks-text).
    case 'dhMath':
      return [{ kind: 'figure', line, of: 'formula', text: (token as unknown as MathToken).tex.trim() }]
    case 'dhDiagram': {
      const diagram = token as unknown as DiagramToken
      return [{ kind: 'figure', line, of: 'diagram', text: diagram.alt || diagram.caption || 'Diagram' }]
    }
    case 'html':
      return COMMENT.test(token.raw) ? [] : [{ kind: 'html', line, text: plainText(token.raw) }]
    default:
      return []
  }
}

function paragraph(token: Tokens.Paragraph | Tokens.Text, line: number): ContentBlock[] {
  const images: ImageRef[] = []
  const runs = inlineRuns(token.tokens ?? [{ type: 'text', raw: token.text, text: token.text }], {}, images)
  const text: ContentBlock[] = plainRuns(runs).trim() ? [{ kind: 'paragraph', line, runs }] : []
  return [...text, ...images.map((image) => ({ kind: 'image' as const, line, image }))]
}

/** Nested lists become entries one level deeper; an item's paragraphs join into one line. */
function listEntries(list: Tokens.List, level: number, out: ListEntry[], images: ImageRef[]): void {
  const start = typeof list.start === 'number' ? list.start : 1
  list.items.forEach((item, i) => {
    const runs: TextRun[] = item.task ? [{ text: item.checked ? '☑ ' : '☐ ' }] : []
    const nested: Tokens.List[] = []
    for (const child of item.tokens) {
      if (child.type === 'list') nested.push(child as Tokens.List)
      else if (child.type === 'checkbox') continue
      else {
        if (runs.length && plainRuns(runs).trim()) runs.push({ text: ' ' })
        const inner = 'tokens' in child && Array.isArray(child.tokens) ? child.tokens : [{ type: 'text', raw: child.raw, text: 'text' in child ? String(child.text) : '' } as Token]
        runs.push(...inlineRuns(child.type === 'code' ? [{ type: 'codespan', raw: child.raw, text: (child as Tokens.Code).text } as Token] : inner, {}, images))
      }
    }
    out.push({ runs: mergeRuns(runs), level, ordered: list.ordered, number: start + i })
    for (const sub of nested) listEntries(sub, level + 1, out, images)
  })
}

function table(token: Tokens.Table, line: number): ContentBlock {
  const cell = (c: Tokens.TableCell): TextRun[] => inlineRuns(c.tokens)
  const align = token.align.map((a): TableAlign => a ?? '')
  return { kind: 'table', line, align, header: token.header.map(cell), rows: token.rows.map((row) => row.map(cell)) }
}

export function codeBlock(token: Tokens.Code): CodeBlock {
  const info = parseCodeInfo(token.lang ?? '')
  const { html, lines } = highlightedCode(token)
  return { lang: info.lang, html, text: token.text, lines, highlight: [...info.highlight].sort((a, b) => a - b) }
}

/** A quote's body and, when its last paragraph starts with a dash, that attribution's inline tokens. */
export function quoteParts(quote: Tokens.Blockquote): { body: Token[]; cite?: Token[] } {
  const inner = quote.tokens.filter((t) => t.type !== 'space' && !(t.type === 'html' && COMMENT.test(t.raw)))
  const last = inner[inner.length - 1]
  if (inner.length < 2 || last?.type !== 'paragraph' || !ATTRIBUTION.test((last as Tokens.Paragraph).text)) return { body: inner }
  const tokens = (last as Tokens.Paragraph).tokens.map((t, i) => (i === 0 && t.type === 'text' ? { ...t, text: t.text.replace(/^\s*(?:—|–|--|~)\s*/, '') } : t))
  return { body: inner.slice(0, -1), cite: tokens as Token[] }
}

/** Inline tokens as runs of text with their marks; images are collected, not inlined. */
export function inlineRuns(tokens: readonly Token[], marks: Marks = {}, images: ImageRef[] = []): TextRun[] {
  const runs: TextRun[] = []
  const push = (text: string, extra: Marks = {}): void => {
    if (text) runs.push({ text, ...marks, ...extra })
  }
  for (const token of tokens) {
    const t = token as Tokens.Generic
    if (token.type === 'strong') runs.push(...inlineRuns(t.tokens ?? [], { ...marks, bold: true }, images))
    else if (token.type === 'em') runs.push(...inlineRuns(t.tokens ?? [], { ...marks, italic: true }, images))
    else if (token.type === 'del') runs.push(...inlineRuns(t.tokens ?? [], { ...marks, strike: true }, images))
    else if (token.type === 'link') runs.push(...inlineRuns(t.tokens ?? [], { ...marks, ...((t as Tokens.Link).href && { href: (t as Tokens.Link).href }) }, images))
    else if (token.type === 'image') images.push({ src: (t as Tokens.Image).href, alt: (t as Tokens.Image).text, title: (t as Tokens.Image).title ?? '' })
    else if (token.type === 'codespan') push(String(t.text), { code: true }) // code spans keep entities as written
    else if (token.type === 'br' || (token.type === 'html' && /^<br\s*\/?>$/i.test(token.raw.trim()))) push('\n')
    else if (token.type === 'html') continue // inline tags: their text arrives as text tokens
    else if (token.type === 'dhMath') push((token as unknown as MathToken).tex, { code: true, ...formulaOf(token as unknown as MathToken) })
    else if (t.tokens?.length) runs.push(...inlineRuns(t.tokens, marks, images))
    else if (typeof t.text === 'string') push(decodeEntities(token.type === 'escape' ? t.text : joinLines(t.text)))
  }
  return mergeRuns(runs)
}

/** The typeset formula as text runs, where it has a linear form (see formula-runs.ts). */
function formulaOf(math: MathToken): Pick<TextRun, 'formula'> {
  const formula = math.typeset ? formulaRuns(math.typeset) : undefined
  return formula ? { formula } : {}
}

function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = []
  for (const run of runs) {
    const prev = out[out.length - 1]
    if (prev && sameMarks(prev, run)) out[out.length - 1] = { ...prev, text: prev.text + run.text }
    else out.push(run)
  }
  return out
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  // Formulas stay runs of their own: each has its own text form.
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strike === b.strike && a.href === b.href && !a.formula && !b.formula
}

export function plainRuns(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join('')
}

/** Soft line breaks as single spaces, with the spaces around them (split by hand: `\s*\n\s*` rescans runs of spaces). */
function joinLines(text: string): string {
  if (!text.includes('\n')) return text
  const lines = text.split('\n')
  const last = lines.length - 1
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line !== '' || i === 0 || i === last)
    .join(' ')
}
