import { describe, expect, it } from 'vitest'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { decodeText } from '../../../src/content/read-text.js'

const utf8 = (s: string) => new TextEncoder().encode(s)

function decodeError(bytes: Uint8Array): DeckError {
  try {
    decodeText(bytes, 'deck/01-intro.md')
  } catch (err) {
    if (err instanceof DeckError) return err
    throw err
  }
  throw new Error('decodeText did not throw')
}

describe('decodeText', () => {
  it('turns CRLF into LF', () => {
    expect(decodeText(utf8('a\r\nb\r\n'), 'x.md')).toBe('a\nb\n')
  })

  it('turns a lone CR into LF, also next to CRLF', () => {
    expect(decodeText(utf8('a\rb\r\nc\r'), 'x.md')).toBe('a\nb\nc\n')
  })

  it('strips a UTF-8 BOM and keeps the rest', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Hi')]), 'x.md')).toBe('# Hi')
  })

  it('keeps non-ASCII text intact', () => {
    expect(decodeText(utf8('Grüße — 你好 🎉'), 'x.md')).toBe('Grüße — 你好 🎉')
  })

  it('rejects bytes that are not UTF-8, naming the file', () => {
    // 0xE9 alone is Latin-1 "é": the common case of a file saved in the wrong encoding.
    const err = decodeError(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))
    expect(err.diagnostic).toMatchObject({ code: 'file-not-utf8', span: { file: 'deck/01-intro.md', line: 1 } })
    expect(err.diagnostic.hint).toMatch(/UTF-8/)
    expect(err.cause).toBeDefined()
  })

  it('rejects NUL bytes (UTF-16 or binary files)', () => {
    const utf16 = new Uint8Array([0x23, 0x00, 0x20, 0x00, 0x48, 0x00])
    expect(decodeError(utf16).diagnostic).toMatchObject({ code: 'file-not-utf8', span: { file: 'deck/01-intro.md', line: 1 } })
  })
})
