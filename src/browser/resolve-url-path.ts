// Pure: a request target -> path segments inside the served folder, or a refusal.
// Anything that could name a file outside the folder is refused before the disk is touched.

export type UrlPathResult =
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly status: 400 | 403 }

const ENCODED_BYTE = /%[0-9a-f]{2}/i

/**
 * Turns the raw request target (`/images/a.svg?x=1`) into segments relative to the served
 * folder; `/` and a trailing slash mean `index.html`. Refuses traversal in any spelling:
 * `..` and `.` segments (raw or percent-encoded), encoded slashes, backslashes, NUL and
 * other control characters, double encoding, absolute-form and drive-letter targets.
 */
export function resolveUrlPath(target: string): UrlPathResult {
  // Only origin-form targets ("/path"); absolute-form and "*" are never needed by a browser here.
  if (!target.startsWith('/') || target.startsWith('//')) return refuse(400)
  const raw = target.replace(/[?#].*$/s, '')
  if (raw.includes('\\')) return refuse(403)
  const segments: string[] = []
  const parts = raw.split('/').slice(1)
  for (const [i, part] of parts.entries()) {
    const decoded = decodeSegment(part)
    if (decoded === undefined) return refuse(400)
    if (decoded === '' && i < parts.length - 1) continue // "a//b" reads as "a/b"
    if (!isSafeSegment(decoded)) return refuse(403)
    if (decoded !== '') segments.push(decoded)
  }
  if (raw.endsWith('/')) segments.push('index.html')
  return { ok: true, segments }
}

function decodeSegment(part: string): string | undefined {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}

/** A segment is a plain file or folder name: no separators, dots-only names, or hidden encodings. */
function isSafeSegment(name: string): boolean {
  if (name === '.' || name === '..') return false
  if (/[/\\:]/.test(name)) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false
  // Still encoded after one decode: double encoding ("%252e%252e"), which a second decoder would turn into "..".
  if (ENCODED_BYTE.test(name)) return false
  // Windows treats trailing dots and spaces as absent, so "..." or ".. " can mean "..".
  if (/^[.\s]+$/.test(name)) return false
  return true
}

function refuse(status: 400 | 403): UrlPathResult {
  return { ok: false, status }
}
