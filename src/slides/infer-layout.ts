// Pure: which template a slide gets when its author named none.
import type { Token, Tokens } from 'marked'
import type { BlockToken } from './markdown.js'
import { isLoneImage, significant } from './extract-slide-data.js'

const SHORT_LINE_WORDS = 16

/**
 * A heading alone (with at most a short line under it) is a section; a lone blockquote a quote;
 * a lone image (or diagram) an image; a heading with one code block a code slide; columns a two-column slide.
 * `fallback` is the chapter's default template, used when no rule matches.
 */
export function inferLayout(tokens: readonly Token[], fallback: string): string {
  const content = significant(tokens)
  const body = content[0]?.type === 'heading' ? content.slice(1) : content
  const hasHeading = body.length < content.length
  if (content.some((t) => t.type === 'dhBlock' && (t as unknown as BlockToken).kind === 'columns')) return 'two-column'
  if (hasHeading && isSectionBody(body, content[0] as Tokens.Heading)) return 'section'
  if (body.length === 1 && body[0]!.type === 'blockquote') return 'quote'
  if (body.length === 1 && (isLoneImage(body[0]) || body[0]!.type === 'dhDiagram')) return 'image'
  if (hasHeading && body.filter((t) => t.type === 'code').length === 1 && body.every((t) => t.type === 'code' || isShortParagraph(t))) return 'code'
  return fallback || 'content'
}

function isSectionBody(body: readonly Token[], heading: Tokens.Heading): boolean {
  if (body.length === 0) return heading.depth <= 2
  return body.length === 1 && isShortParagraph(body[0]!) && heading.depth <= 2
}

function isShortParagraph(token: Token): boolean {
  return token.type === 'paragraph' && !isLoneImage(token) && !token.text.includes('\n') && token.text.split(/\s+/).length <= SHORT_LINE_WORDS
}
