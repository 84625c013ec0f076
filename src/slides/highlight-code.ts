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
  /** 1-based line numbers to emphasise (the first step's, when there are steps). */
  readonly highlight: ReadonlySet<number>
  /** `{1|3-4}`: the lines each step lights, in order (an empty set lights every line). */
  readonly steps: readonly ReadonlySet<number>[]
}

// `{2,4-6}`, `{1|3-4}` (Slidev also writes `all` and `*`), or reveal's `[1|3-4]` and `[10: 10|12]`,
// matched on the bracket's text with its spaces taken out, so no pattern scans runs of spaces.
const LINE_SPEC = /^(?:(\d+):)?((?:\d+(?:-\d+)?|all|\*)(?:[,|](?:\d+(?:-\d+)?|all|\*))*)$/
const CLOSING: Readonly<Record<string, string>> = { '{': '}', '[': ']' }

/** The first `{…}` or `[…]` of the info string that holds a line spec, as [offset, steps]. */
function findLineSpec(info: string): RegExpExecArray | null {
  // Where the next `}` and `]` are, from each position: one pass from the right.
  const next: Record<string, number[]> = { '}': new Array(info.length + 1), ']': new Array(info.length + 1) }
  next['}']![info.length] = next[']']![info.length] = -1
  for (let i = info.length - 1; i >= 0; i--) {
    next['}']![i] = info[i] === '}' ? i : next['}']![i + 1]!
    next[']']![i] = info[i] === ']' ? i : next[']']![i + 1]!
  }
  for (let i = 0; i < info.length; i++) {
    const close = CLOSING[info[i]!]
    const end = close ? next[close]![i + 1]! : -1
    if (end < 0) continue
    const spec = LINE_SPEC.exec(info.slice(i + 1, end).replace(/\s+/g, ''))
    if (spec) return spec
  }
  return null
}

/** Reads a fence's info string: `python {3-4,7}`, `js {1|3-4}` or reveal's `python [3-4]`. */
export function parseCodeInfo(info: string): CodeInfo {
  const lang = (/^[^\s{[]+/.exec(info.trim())?.[0] ?? '').toLowerCase()
  const match = findLineSpec(info)
  // Reveal numbers lines from `[10: …]` on; the marks name those numbers.
  const offset = match?.[1] ? Number.parseInt(match[1], 10) - 1 : 0
  const steps = match?.[2] ? match[2].split('|').map((step) => readLines(step, offset)) : []
  return { lang, highlight: steps[0] ?? new Set(), steps: steps.length > 1 ? steps : [] }
}

function readLines(step: string, offset: number): Set<number> {
  const lines = new Set<number>()
  for (const part of step.split(',')) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n, 10))
    if (from === undefined || Number.isNaN(from)) continue
    for (let n = from; n <= (to !== undefined && !Number.isNaN(to) ? to : from); n++) if (n - offset >= 1) lines.add(n - offset)
  }
  return lines
}

/**
 * `<pre><code>` with highlight.js classes; one `<span class="line">` per line when lines are marked.
 * With steps, each step after the first is another `<code>` over the same place, a fragment, as
 * Reveal's highlight plugin makes them: stepping through the slide lights each step in turn.
 */
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
  if (info.steps.length > 1) {
    const codes = info.steps.map((step, i) => `<code class="${cls}${i > 0 ? ' fragment' : ''}">${markLines(body, step)}</code>`)
    return { html: `<pre class="dh-code has-highlights dh-code-steps">${codes.join('')}</pre>`, lines: codeSpans(body) }
  }
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
  return [first.slice(5), ...rest.map(trimUnderscores)].join('.')
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
      const cls = highlight.size === 0 ? 'line' : highlight.has(i + 1) ? 'line highlight' : 'line dim'
      return `<span class="${cls}">${prefix}${line}${suffix}</span>`
    })
    .join('\n')
}

/** A class name without its trailing underscores (hljs's `title.class_`), trimmed by hand: `_+$` rescans each run. */
function trimUnderscores(name: string): string {
  let end = name.length
  while (end > 0 && name[end - 1] === '_') end--
  return name.slice(0, end)
}
