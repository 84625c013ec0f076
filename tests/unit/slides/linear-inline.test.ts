import { Marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { linearInline } from '../../../src/slides/linear-inline.js'

const stock = new Marked({ gfm: true })
const ours = new Marked({ gfm: true }, linearInline)

/** A small seeded generator, so a failure names an input that can be run again. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

const PIECES = ['*', '**', '_', '__', '~', '~~', 'a', 'b1', ' ', '  ', '\n', '.', ',', '(', ')', '[', ']', '`', '\\', '@', 'x@y.z', 'www.', 'http://', 'a.b', '<', '>', '!', '-', '"', 'é', '😀', '&amp;', 'mailto:']

function sample(next: () => number, pieces: number): string {
  return Array.from({ length: pieces }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')
}

describe('linearInline', () => {
  it('gives the HTML marked gives, on thousands of random inline texts', { timeout: 60_000 }, () => {
    const next = random(20_261_201)
    for (let i = 0; i < 4000; i++) {
      const text = sample(next, 1 + Math.floor(next() * 40))
      expect(ours.parse(text), JSON.stringify(text)).toBe(stock.parse(text))
    }
  })

  it.each([
    ['e-mail autolinks', 'mail a.b+c@example.com or x_y@sub.example.org, not @alone'],
    ['URL autolinks with trailing punctuation', 'see www.example.com/a_(b)... and https://x.org/p?q=1!), or (www.y.com).'],
    ['nested emphasis', '*a **b _c ~~d~~ c_ b** a* and __x *y* x__ ~z~'],
    ['rule of three', '*foo**bar**baz* ***strong emph*** **a*b*c**'],
  ])('agrees with marked on %s', (_what, text) => {
    expect(ours.parse(text)).toBe(stock.parse(text))
  })
})
