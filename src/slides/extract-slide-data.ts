// Pure: a slide's tokens -> the structured fields templates use (title, lead, items, sections…).
import type { Token, Tokens } from 'marked'
import { plainText } from '../html/html-text.js'
import type { CodeBlock, CodeSteps, ImageRef, ListItem, Section, SlideData } from '../model.js'
import { marksOf, wrapWithMarks } from './element-marks.js'
import { codeBlock, extractBlocks, quoteParts } from './extract-blocks.js'
import { parseCodeInfo } from './highlight-code.js'
import { childTokens, renderBlocks, renderInline, type BlockToken } from './markdown.js'

const LABEL_SEPARATOR = /^\s*(?:—|–|-|:|\|)\s*/

/** Tokens that carry content (not blank space, not comments). */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.type !== 'space' && !(t.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(t.raw)))
}

/** The slide's content tokens, its title heading (a first heading) and what follows it (the body). */
export function splitTitle(tokens: readonly Token[]): { content: Token[]; heading?: Tokens.Heading; afterTitle: Token[] } {
  const content = significant(tokens)
  const first = content[0]
  const heading = first?.type === 'heading' ? (first as Tokens.Heading) : undefined
  return { content, ...(heading && { heading }), afterTitle: heading ? content.slice(1) : content }
}

/**
 * Fields hold HTML straight from Markdown; the caller finishes them (sanitising, `.element`).
 * `firstLine` is the file line of the slide's first Markdown line, for the blocks' lines.
 */
export function extractSlideData(tokens: readonly Token[], firstLine = 1): SlideData {
  const render = memoRender()
  const { content, heading, afterTitle } = splitTitle(tokens)
  const leadToken = afterTitle[0]?.type === 'paragraph' && !isLoneImage(afterTitle[0]) ? (afterTitle[0] as Tokens.Paragraph) : undefined
  const titleHtml = heading ? renderInline(heading.tokens) : ''
  return {
    title: heading ? plainText(titleHtml) : '',
    titleHtml: wrapWithMarks(titleHtml, heading),
    lead: leadToken ? wrapWithMarks(renderInline(leadToken.tokens), leadToken) : '',
    body: render(afterTitle),
    rest: render(leadToken ? afterTitle.slice(1) : afterTitle),
    items: firstListItems(afterTitle),
    sections: extractSections(afterTitle, heading?.depth ?? 0, render),
    images: collectImages(content),
    ...optional('quote', extractQuote(content)),
    ...optional('code', extractCode(content)),
    columns: extractColumns(content),
    blocks: extractBlocks(tokens, firstLine, heading),
  }
}

/** Renders each top-level token once: body, rest and sections share the same blocks. */
function memoRender(): (tokens: readonly Token[]) => string {
  const memo = new Map<Token, string>()
  const one = (token: Token): string => {
    let html = memo.get(token)
    if (html === undefined) memo.set(token, (html = renderBlocks([token])))
    return html
  }
  return (tokens) => tokens.map(one).join('')
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function firstListItems(tokens: readonly Token[]): ListItem[] {
  const list = tokens.find((t) => t.type === 'list') as Tokens.List | undefined
  return list ? listItems(list) : []
}

function listItems(list: Tokens.List): ListItem[] {
  const fragment = !list.ordered && list.raw.trimStart().startsWith('+')
  return list.items.map((item) => {
    const html = renderListItem(item)
    const inline = item.tokens[0]?.type === 'text' || item.tokens[0]?.type === 'paragraph' ? ((item.tokens[0] as Tokens.Text).tokens ?? []) : []
    const labelToken = inline[0]?.type === 'strong' ? (inline[0] as Tokens.Strong) : undefined
    const label = labelToken ? plainText(renderInline(labelToken.tokens)) : ''
    const restInline = labelToken ? trimSeparator(inline.slice(1)) : inline
    const nested = item.tokens.slice(1)
    const rest = labelToken ? renderInline(restInline) + (nested.length ? renderBlocks(nested) : '') : html
    const marked = marksOf(item)?.some(([name, value]) => name === 'class' && /(^|\s)fragment(\s|$)/.test(value)) ?? false
    return { html: wrapWithMarks(html, item), text: plainText(html), label, rest: wrapWithMarks(rest, item), fragment: fragment || marked }
  })
}

function renderListItem(item: Tokens.ListItem): string {
  // A tight item's first token is bare text: render it inline so templates get no stray <p>.
  const [head, ...tail] = item.tokens
  if (head?.type === 'text' && (head as Tokens.Text).tokens) {
    return renderInline((head as Tokens.Text).tokens!) + (tail.length ? renderBlocks(tail) : '')
  }
  return renderBlocks(item.tokens)
}

/** Drops the " — " or ": " that separates a label from its text. */
function trimSeparator(tokens: readonly Token[]): Token[] {
  const [head, ...tail] = tokens
  if (head?.type !== 'text') return [...tokens]
  const text = (head as Tokens.Text).text.replace(LABEL_SEPARATOR, '')
  return text ? [{ ...head, text, raw: text } as Token, ...tail] : tail
}

/** One section per sub-heading below the title (the `###` cards of a cards slide). */
function extractSections(tokens: readonly Token[], titleDepth: number, render: (t: readonly Token[]) => string): Section[] {
  const sections: Section[] = []
  let current: { heading: Tokens.Heading; body: Token[] } | undefined
  const flush = (): void => {
    if (!current) return
    const titleHtml = wrapWithMarks(renderInline(current.heading.tokens), current.heading)
    const list = current.body.find((t) => t.type === 'list') as Tokens.List | undefined
    sections.push({ title: plainText(titleHtml), titleHtml, html: render(current.body), items: list ? listItems(list) : [] })
  }
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth > titleDepth) {
      flush()
      current = { heading: token as Tokens.Heading, body: [] }
    } else current?.body.push(token)
  }
  flush()
  return sections
}

function collectImages(tokens: readonly Token[]): ImageRef[] {
  const images: ImageRef[] = []
  // A mark on a paragraph holding only the image is the image's in a layout that shows images alone.
  const visit = (list: readonly Token[], inherited: readonly (readonly [string, string])[]): void => {
    for (const token of list) {
      if (token.type === 'image') {
        const image = token as Tokens.Image
        const attributes = [...inherited, ...(marksOf(image) ?? [])].map(([name, value]) => (value ? `${name}="${value.replace(/"/g, '&quot;')}"` : name)).join(' ')
        images.push({ src: image.href, alt: image.text, title: image.title ?? '', ...(attributes && { attributes }) })
      }
      const passed = isLoneImage(token) ? (marksOf(token) ?? []) : []
      for (const child of childTokens(token)) visit(child, passed)
    }
  }
  visit(tokens, [])
  return images
}

function extractQuote(tokens: readonly Token[]): SlideData['quote'] | undefined {
  const quote = tokens.find((t) => t.type === 'blockquote') as Tokens.Blockquote | undefined
  if (!quote) return undefined
  // The attribution is the quote's last paragraph, starting with a dash.
  const { body, cite } = quoteParts(quote)
  return quoteOf(renderBlocks(body), cite ? plainText(renderInline(trimSeparator(cite))) : '').quote
}

function extractCode(tokens: readonly Token[]): CodeBlock | undefined {
  const code = tokens.find((t) => t.type === 'code') as Tokens.Code | undefined
  return code ? codeBlock(code) : undefined
}

function extractColumns(tokens: readonly Token[]): string[] {
  const block = tokens.find((t) => t.type === 'dhBlock' && (t as unknown as BlockToken).kind === 'columns') as unknown as BlockToken | undefined
  return block ? block.parts.map((part) => renderBlocks(part)) : []
}

export function isLoneImage(token: Token | undefined): boolean {
  if (token?.type !== 'paragraph') return false
  const inline = (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()) && !(t.type === 'html' && t.raw.startsWith('<!--')))
  return inline.length === 1 && inline[0]!.type === 'image'
}

function quoteOf(html: string, cite: string): { quote: NonNullable<SlideData['quote']> } {
  return { quote: { html, cite, text: plainText(html) } }
}

/** Applies `finish` to every HTML field, so sanitising reaches all that templates can output. */
export function mapHtmlFields(data: SlideData, finish: (html: string) => string): SlideData {
  const item = (i: ListItem): ListItem => ({ ...i, html: finish(i.html), rest: finish(i.rest) })
  return {
    ...data,
    titleHtml: finish(data.titleHtml),
    lead: finish(data.lead),
    body: finish(data.body),
    rest: finish(data.rest),
    items: data.items.map(item),
    sections: data.sections.map((s) => ({ ...s, titleHtml: finish(s.titleHtml), html: finish(s.html), items: s.items.map(item) })),
    ...(data.quote && quoteOf(finish(data.quote.html), data.quote.cite)),
    columns: data.columns.map(finish),
  }
}

/** The code blocks that light their lines in steps, found wherever they stand in the slide. */
export function collectCodeSteps(tokens: readonly Token[]): CodeSteps[] {
  const found: CodeSteps[] = []
  let block = 0
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'code') {
        const { steps } = parseCodeInfo((token as Tokens.Code).lang ?? '')
        if (steps.length > 1) found.push({ block, steps: steps.map((s) => [...s].sort((a, b) => a - b)) })
        block++
      }
      for (const child of childTokens(token)) visit(child)
    }
  }
  visit(tokens)
  return found
}
