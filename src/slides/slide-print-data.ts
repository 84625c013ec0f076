// Pure: what paper needs of a slide, from its tokens: the `:::handout` blocks shown beside it,
// its fragment steps, and its body for the outline. Print never re-reads the slide's HTML.
import { createRequire } from 'node:module'
import type { Token, Tokens } from 'marked'
import type { SlideData, SlidePrint } from '../model.js'
import { childTokens, isFragmentList, renderBlocks, renderOutlineBlocks, someToken, type BlockToken, type FragmentMark } from './markdown.js'

// Loaded on first use: only slides whose raw HTML names fragments need a parser.
const require = createRequire(import.meta.url)

/**
 * `body` holds the tokens after the title (what `data.body` renders); `finish` is what every
 * HTML field went through (sanitising, `.element` attributes).
 */
export function slidePrintData(body: readonly Token[], data: SlideData, finish: (html: string) => string): SlidePrint {
  const hasHeading = someToken(body, (t) => t.type === 'heading')
  return {
    handoutBlocks: handoutBlocks(body).map((block) => finish(block.parts.map((part) => renderBlocks(part)).join(''))),
    fragmentSteps: fragmentSteps(body, data.body),
    outlineBody: hasHeading ? finish(renderOutlineBlocks(body)) : data.body,
  }
}

/** The `:::handout` containers, outermost only, in order. */
function handoutBlocks(tokens: readonly Token[]): BlockToken[] {
  const blocks: BlockToken[] = []
  for (const token of tokens) {
    if (token.type === 'dhBlock' && (token as unknown as BlockToken).kind === 'handout') blocks.push(token as unknown as BlockToken)
    else for (const child of childTokens(token)) blocks.push(...handoutBlocks(child))
  }
  return blocks
}

/**
 * Steps as Reveal.js counts them: fragments with a `data-fragment-index` step by index, each
 * fragment without one steps alone. Markdown's fragments (`+` lists, `{+}`) have none; when raw
 * HTML or an `.element` comment mentions fragments, the finished body HTML is counted instead.
 */
function fragmentSteps(tokens: readonly Token[], bodyHtml: string): number {
  if (someToken(tokens, (t) => t.type === 'html' && t.raw.includes('fragment'))) return countInHtml(bodyHtml)
  let steps = 0
  const visit = (list: readonly Token[]): void => {
    for (const token of list) {
      if (token.type === 'list' && isFragmentList(token as Tokens.List)) steps += (token as Tokens.List).items.length
      else if ((token as FragmentMark).fragment) steps++
      for (const child of childTokens(token)) visit(child)
    }
  }
  visit(tokens)
  return steps
}

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
