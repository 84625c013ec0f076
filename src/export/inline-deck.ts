// Pure: the deck's index.html with everything it loads put inside it: stylesheets as <style>
// (their url()s as data: URLs), scripts inline, pictures, media and slide backgrounds as data:
// URLs. The I/O side reads the files first (deckReferences, then each stylesheet's).
import { Parser } from 'htmlparser2'
import path from 'node:path'
import mime from 'mime-types'
import { findCssUrls, replaceCssUrls } from '../theme/css-url.js'

/** Attributes whose value is a file the page loads. */
const LOADED: Readonly<Record<string, readonly string[]>> = {
  img: ['src'], source: ['src'], video: ['src', 'poster'], audio: ['src'], track: ['src'], input: ['src'], embed: ['src'],
  section: ['data-background', 'data-background-image', 'data-background-video'],
}
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i

/** An output-relative path for a reference made from `base` (a folder, '' for the root), or undefined when it is not a local file. */
export function localPath(ref: string, base: string): string | undefined {
  const clean = ref.trim().split(/[?#]/)[0]!
  if (!clean || NOT_LOCAL.test(clean)) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(clean)
  } catch {
    return undefined
  }
  const joined = path.posix.normalize(path.posix.join(base, decoded))
  return joined.startsWith('..') ? undefined : joined
}

interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

interface Found {
  readonly kind: 'stylesheet' | 'script' | 'file'
  readonly path: string
}

interface Tag {
  readonly name: string
  readonly attribs: Record<string, string>
  readonly start: number
  /** End of the open tag; for a script, of its closing tag (the script is replaced whole). */
  readonly end: number
}

function scan(html: string, onTag: (tag: Tag) => void): void {
  let script: Omit<Tag, 'end'> | undefined
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = { name, attribs, start: parser.startIndex }
        if (name === 'script') script = tag
        else onTag({ ...tag, end: parser.endIndex + 1 })
      },
      onclosetag(name) {
        if (name !== 'script' || !script) return
        onTag({ ...script, end: parser.endIndex + 1 })
        script = undefined
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
}

/** Files the page loads, by kind (stylesheets are read as text, to inline what they load too). */
export function deckReferences(html: string): Found[] {
  const found: Found[] = []
  scan(html, ({ name, attribs }) => {
    if (name === 'link' && /\bstylesheet\b/i.test(attribs.rel ?? '') && attribs.href) push(found, 'stylesheet', attribs.href)
    else if (name === 'script' && attribs.src) push(found, 'script', attribs.src)
    for (const attr of LOADED[name] ?? []) if (attribs[attr]) push(found, 'file', attribs[attr]!)
    if (attribs.style) for (const url of findCssUrls(attribs.style)) push(found, 'file', url)
  })
  return found
}

function push(found: Found[], kind: Found['kind'], ref: string): void {
  const p = localPath(ref, '')
  if (p) found.push({ kind, path: p })
}

/** Files a stylesheet at `file` loads through url(). */
export function cssReferences(css: string, file: string): string[] {
  const base = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file)
  return findCssUrls(css).map((url) => localPath(url, base)).filter((p): p is string => p !== undefined)
}

export interface InlineFiles {
  /** Text of each stylesheet and script, by output path. */
  readonly text: ReadonlyMap<string, string>
  /** Bytes of every other file, by output path (already downscaled where asked). */
  readonly bytes: ReadonlyMap<string, Uint8Array>
}

export function dataUrl(file: string, bytes: Uint8Array): string {
  return `data:${mime.lookup(file) || 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`
}

/** Rewrites url()s to data: URLs; references to files not read stay as written (the caller reported them). */
export function inlineCss(css: string, file: string, files: InlineFiles): string {
  const base = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file)
  return replaceCssUrls(css, (ref, whole) => {
    const p = localPath(ref, base)
    const bytes = p && files.bytes.get(p)
    return bytes ? `url("${dataUrl(p, bytes)}")` : whole
  })
}

/** The page with every stylesheet, script and loaded file inside it. */
export function inlineDeck(html: string, files: InlineFiles): string {
  const edits: Edit[] = []
  const fileUrl = (ref: string): string | undefined => {
    const p = localPath(ref, '')
    const bytes = p && files.bytes.get(p)
    return bytes ? dataUrl(p, bytes) : undefined
  }
  scan(html, ({ name, attribs, start, end }) => {
    const source = html.slice(start, end)
    if (name === 'link' && /\bstylesheet\b/i.test(attribs.rel ?? '') && attribs.href) {
      const p = localPath(attribs.href, '')
      const css = p && files.text.get(p)
      if (css !== undefined && p) edits.push({ start, end, text: `<style>/* ${p} */\n${inlineCss(css, p, files).replace(/<\/style/gi, '<\\/style')}\n</style>` })
      return
    }
    if (name === 'script' && attribs.src) {
      const p = localPath(attribs.src, '')
      const js = p && files.text.get(p)
      if (js !== undefined && p) edits.push({ start, end, text: `<script>/* ${p} */\n${js.replace(/<\/script/gi, '<\\/script')}\n</script>` })
      return
    }
    let tag = source
    for (const attr of LOADED[name] ?? []) {
      const url = attribs[attr] && fileUrl(attribs[attr]!)
      if (url) tag = replaceAttribute(tag, attr, url)
    }
    if (attribs.style?.includes('url(')) tag = replaceAttribute(tag, 'style', inlineCss(attribs.style, 'index.html', files))
    if (tag !== source) edits.push({ start, end, text: tag })
  })
  let out = ''
  let at = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + html.slice(at)
}

function replaceAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[-]/g, '\\-')}\\s*=\\s*)(?:"[^"]*"|'[^']*'|[^\\s>]+)`, 'i')
  return tag.replace(pattern, (_m, lead: string) => `${lead}"${value.replace(/"/g, '&quot;')}"`)
}
