import { describe, expect, it } from 'vitest'
import { productSignature } from '../../../src/pdf/print-inputs.js'

const doc = (body: string): string => `<!doctype html><html><head><link rel="stylesheet" href="theme.css"></head><body>${body}</body></html>`
const files = { 'theme.css': '@font-face { src: url(fonts/a.woff2) } body { color: black }', 'deck.css': 'x {}' }
const stamps = new Map([
  ['fonts/a.woff2', '10:1'],
  ['media/pic.png', '20:1'],
  ['media/other.png', '30:1'],
])
const sign = (html: string, more: Partial<Parameters<typeof productSignature>[0]> = {}): string => productSignature({ html, files, stamps, ...more })

describe('productSignature', () => {
  it('is the same for the same inputs and changes with the document', () => {
    expect(sign(doc('<p>a</p>'))).toBe(sign(doc('<p>a</p>')))
    expect(sign(doc('<p>a</p>'))).not.toBe(sign(doc('<p>b</p>')))
  })

  it('follows the stylesheets the document links, and the files they name', () => {
    const html = doc('<p>a</p>')
    expect(sign(html, { files: { ...files, 'theme.css': 'body { color: red }' } })).not.toBe(sign(html))
    expect(sign(html, { stamps: new Map([...stamps, ['fonts/a.woff2', '11:2']]) })).not.toBe(sign(html))
    // Not linked: no part of it.
    expect(sign(html, { files: { ...files, 'deck.css': 'y {}' } })).toBe(sign(html))
  })

  it('follows the images the document names, and only those', () => {
    const html = doc('<img src="media/pic.png">')
    expect(sign(html, { stamps: new Map([...stamps, ['media/pic.png', '21:2']]) })).not.toBe(sign(html))
    expect(sign(html, { stamps: new Map([...stamps, ['media/other.png', '31:2']]) })).toBe(sign(html))
  })

  it('leaves out elements of the hidden class, however deep', () => {
    const hiddenClass = 'dh-slides-only'
    const a = doc('<section><p>kept</p><div class="x dh-slides-only"><p>one <b>thing</b></p><br><img src="q.png"></div></section>')
    const b = doc('<section><p>kept</p>\n\n<div class="x dh-slides-only"><p>another</p></div>\n</section>')
    expect(sign(a, { hiddenClass })).toBe(sign(b, { hiddenClass }))
    expect(sign(a)).not.toBe(sign(b))
    expect(sign(a, { hiddenClass })).not.toBe(sign(doc('<section><p>changed</p><div class="dh-slides-only"></div></section>'), { hiddenClass }))
  })
})
