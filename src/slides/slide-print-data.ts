// Pure: what paper needs of a slide, from its tokens: the `:::handout` blocks shown beside it,
// its fragment steps, and its body for the outline. Print never re-reads the slide's HTML.
import { createRequire } from 'node:module'
import type { Token, Tokens } from 'marked'
import type { SlideData, SlidePrint } from '../model.js'
import { isFragmentList, renderBlocks, renderOutlineBlocks, type BlockToken, type FragmentMark } from './markdown.js'

// Loaded on first use: only slides whose raw HTML names fragments need a parser.
const require = createRequire(import.meta.url)

/**
 * `body` holds the tokens after the title (what `data.body` renders); `finish` is what every
 * HTML field went through (sanitising, `.element` attributes); `markdown` is the slide's text;
 * `codeSteps` the fragments its code line steps make (each step after a block's first).
 */
export function slidePrintData(body: readonly Token[], data: SlideData, finish: (html: string) => string, markdown: string, codeSteps = 0): SlidePrint {
  const found = scanBlocks(body)
  // Raw HTML or an `.element` comment may set fragment classes and indices: the body (code
  // steps' fragments included) knows.
  const steps = markdown.includes('fragment') && markdown.includes('<') ? countInHtml(data.body) : found.steps + codeSteps
  return {
    handoutBlocks: found.handout.map((block) => finish(block.parts.map((part) => renderBlocks(part)).join(''))),
    fragmentSteps: steps,
    outlineBody: found.heading ? finish(renderOutlineBlocks(body)) : data.body,
  }
}

/**
 * One walk over the block tokens (inline content holds none of these): headings, the
 * outermost `:::handout` containers, and Markdown's fragments (`+` list items and `{+}`
 * blocks, none with an index, so each is a step of its own, as in Reveal.js).
 */
function scanBlocks(tokens: readonly Token[]): { heading: boolean; handout: BlockToken[]; steps: number } {
  const found = { heading: false, handout: [] as BlockToken[], steps: 0 }
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'heading') found.heading = true
      if ((token as FragmentMark).fragment) found.steps++
      if (token.type === 'list') {
        if (isFragmentList(token as Tokens.List)) found.steps += (token as Tokens.List).items.length
        for (const item of (token as Tokens.List).items) visit(item.tokens)
      } else if (token.type === 'dhBlock') {
        const block = token as unknown as BlockToken
        if (block.kind === 'handout') found.handout.push(block)
        else for (const part of block.parts) visit(part)
      } else if (token.type === 'blockquote') visit((token as Tokens.Blockquote).tokens)
    }
  }
  visit(tokens)
  return found
}

/** Steps as Reveal.js counts them: fragments with a `data-fragment-index` step by index, each one without steps alone. */
function countInHtml(html: string): number {
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2')
  const indices = new Set<string>()
  let unindexed = 0
  const parser = new Parser({
    onopentag(_name: string, attributes: Record<string, string>) {
      if (!(attributes.class ?? '').split(/\s+/).includes('fragment')) return
      const index = attributes['data-fragment-index']
      if (index !== undefined && /^-?\d+$/.test(index.trim())) indices.add(String(Number(index)))
      else unindexed++
    },
  })
  parser.write(html)
  parser.end()
  return indices.size + unindexed
}
