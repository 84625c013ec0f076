// Pure: bytes of a text file -> normalised text (no BOM, LF line ends), or a located error.
import { DeckError, error, type SourceSpan } from '../diagnostics/diagnostic.js'

const BOM = '\uFEFF'

/** Decodes UTF-8 bytes, drops a leading BOM and turns CRLF and lone CR into LF. */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string
  try {
    // fatal: a wrong encoding must be reported, not turned into U+FFFD mid-slide.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch (cause) {
    const at = positionOf(bytes, firstInvalidByte(bytes))
    throw notUtf8({ file, ...at }, `The file is not valid UTF-8 text: the first bad byte is on line ${at.line}, column ${at.column}`, cause)
  }
  // NUL never occurs in text; it means a binary file or UTF-16 saved by an editor.
  if (text.includes('\0')) throw notUtf8({ file, ...positionOf(bytes, bytes.indexOf(0)) }, 'The file contains NUL bytes, so it is not UTF-8 text')
  if (text.startsWith(BOM)) text = text.slice(1)
  return text.replace(/\r\n?/g, '\n')
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0) return i
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i
    }
    i += length
  }
  return bytes.length
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8. LF, CRLF and lone CR end lines. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++
      lineStart = i + 1
    }
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, offset))
  return { line, column: [...before.replace(/^\uFEFF/, '')].length + 1 }
}

function notUtf8(span: SourceSpan, message: string, cause?: unknown): DeckError {
  const diagnostic = error('file-not-utf8', message, span, 'save it as UTF-8 (most editors offer "Save with encoding")')
  return new DeckError(diagnostic, cause === undefined ? undefined : { cause })
}
