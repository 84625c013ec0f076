// Code is highlighted at build time so neither the deck nor the printer runs a highlighter.
import { createRequire } from 'node:module'
import hljs from 'highlight.js/lib/core'
import { escapeHtml } from '../html/html-text.js'
import type { CodeSpan } from '../model.js'

const require = createRequire(import.meta.url)
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript', ts: 'typescript', py: 'python', sh: 'bash', shell: 'bash', zsh: 'bash',
  yml: 'yaml', html: 'xml', htm: 'xml', svg: 'xml', md: 'markdown', rs: 'rust', kt: 'kotlin',
  cs: 'csharp', 'c++': 'cpp', rb: 'ruby', jsonc: 'json', console: 'bash', text: 'plaintext', txt: 'plaintext',
}

/** Registers a language the first time a deck uses it: loading all 190 costs ~150 ms a build. */
function ensureLanguage(lang: string): string | null {
  const name = ALIASES[lang] ?? lang
  if (hljs.getLanguage(name)) return name
  if (!/^[a-z0-9-]+$/.test(name)) return null
  try {
    hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`))
    return name
  } catch {
    return null
  }
}

export interface CodeInfo {
  readonly lang: string
  /** 1-based line numbers to emphasise. */
  readonly highlight: ReadonlySet<number>
}

/** Reads a fence's info string: `python {3-4,7}` or reveal's `python [3-4]`. */
export function parseCodeInfo(info: string): CodeInfo {
  const lang = (/^[^\s{[]+/.exec(info.trim())?.[0] ?? '').toLowerCase()
  const ranges = /[{[]([\d,\s|-]+)[}\]]/.exec(info)?.[1] ?? ''
  const highlight = new Set<number>()
  for (const part of ranges.split(/[,|]/)) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n, 10))
    if (from === undefined || Number.isNaN(from)) continue
    for (let n = from; n <= (to !== undefined && !Number.isNaN(to) ? to : from); n++) highlight.add(n)
  }
  return { lang, highlight }
}

/** `<pre><code>` with highlight.js classes; one `<span class="line">` per line when lines are marked. */
export function highlightCode(text: string, info: CodeInfo): string {
  return highlightCodeBlock(text, info).html
}

export interface HighlightedCode {
  readonly html: string
  /** The same tokens as data: one list of spans per line. */
  readonly lines: CodeSpan[][]
}

/** Highlights once and returns both the HTML and the tokens it is made of. */
export function highlightCodeBlock(text: string, info: CodeInfo): HighlightedCode {
  const language = info.lang ? ensureLanguage(info.lang) : null
  const body = language ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text)
  const cls = `hljs${language ? ` language-${language}` : ''}`
  const inner = info.highlight.size > 0 ? markLines(body, info.highlight) : body
  const attr = info.highlight.size > 0 ? ' class="dh-code has-highlights"' : ' class="dh-code"'
  return { html: `<pre${attr}><code class="${cls}">${inner}</code></pre>`, lines: codeSpans(body) }
}

// highlight.js output is text escaped with these five entities, inside `<span class="hljs-…">`.
const HLJS_TOKEN = /<span class="([^"]*)">|<\/span>|([^<]+)/g
const HLJS_ENTITY = /&(amp|lt|gt|quot|#x27|#39);/g
const HLJS_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" }

/** Splits the highlighter's HTML into lines of spans, each with its scopes (`hljs-title function_` → `title.function`). */
function codeSpans(html: string): CodeSpan[][] {
  const lines: CodeSpan[][] = [[]]
  let scopes: readonly string[] = []
  for (const m of html.matchAll(HLJS_TOKEN)) {
    if (m[1] !== undefined) scopes = [...scopes, scopeName(m[1])]
    else if (m[2] === undefined) scopes = scopes.slice(0, -1)
    else {
      m[2].replace(HLJS_ENTITY, (_, name: string) => HLJS_ENTITIES[name]!).split('\n').forEach((part, i) => {
        if (i > 0) lines.push([])
        if (part) lines[lines.length - 1]!.push({ text: part, scopes })
      })
    }
  }
  return lines
}

function scopeName(classes: string): string {
  const [first = '', ...rest] = classes.split(' ')
  if (!first.startsWith('hljs-')) return '' // a sub-language's wrapper (`language-xml`)
  return [first.slice(5), ...rest.map((c) => c.replace(/_+$/, ''))].join('.')
}

/** Wraps each line, closing and reopening spans that cross a line break so each line is valid HTML. */
function markLines(html: string, highlight: ReadonlySet<number>): string {
  const open: string[] = []
  return html
    .split('\n')
    .map((line, i) => {
      const prefix = open.join('')
      for (const tag of line.match(/<span[^>]*>|<\/span>/g) ?? []) {
        if (tag === '</span>') open.pop()
        else open.push(tag)
      }
      const suffix = '</span>'.repeat(open.length)
      const cls = highlight.has(i + 1) ? 'line highlight' : 'line dim'
      return `<span class="${cls}">${prefix}${line}${suffix}</span>`
    })
    .join('\n')
}
