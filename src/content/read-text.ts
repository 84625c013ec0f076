// Pure: bytes of a text file -> normalised text (no BOM, LF line ends), or a located error.
import { DeckError, error } from '../diagnostics/diagnostic.js'

const BOM = '\uFEFF'

/** Decodes UTF-8 bytes, drops a leading BOM and turns CRLF and lone CR into LF. */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string
  try {
    // fatal: a wrong encoding must be reported, not turned into U+FFFD mid-slide.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch (cause) {
    throw notUtf8(file, 'The file is not valid UTF-8 text', cause)
  }
  // NUL never occurs in text; it means a binary file or UTF-16 saved by an editor.
  if (text.includes('\0')) throw notUtf8(file, 'The file contains NUL bytes, so it is not UTF-8 text')
  if (text.startsWith(BOM)) text = text.slice(1)
  return text.replace(/\r\n?/g, '\n')
}

function notUtf8(file: string, message: string, cause?: unknown): DeckError {
  const diagnostic = error('file-not-utf8', message, { file, line: 1 }, 'save it as UTF-8 (most editors offer "Save with encoding")')
  return new DeckError(diagnostic, cause === undefined ? undefined : { cause })
}
