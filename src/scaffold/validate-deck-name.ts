// Pure: is a deck name safe as a folder name on every platform and easy to type?

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** Undefined when `name` is fine, else the reason it is not. */
export function validateDeckName(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty'
  if (name.length > 64) return 'the name is longer than 64 characters'
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) return 'use letters, digits, "-", "_" and "." only, starting with a letter or digit'
  if (/[.]$/.test(name)) return 'the name must not end with "."'
  if (WINDOWS_RESERVED.test(name.split('.')[0]!)) return `"${name}" is a reserved file name on Windows`
  return undefined
}
