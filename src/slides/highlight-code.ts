// Code is highlighted at build time so neither the deck nor the printer runs a highlighter.
import { createRequire } from 'node:module'
import hljs from 'highlight.js/lib/core'
import { escapeHtml } from '../html/html-text.js'

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
  const language = info.lang ? ensureLanguage(info.lang) : null
  const body = language ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text)
  const cls = `hljs${language ? ` language-${language}` : ''}`
  const inner = info.highlight.size > 0 ? markLines(body, info.highlight) : body
  const attr = info.highlight.size > 0 ? ' class="dh-code has-highlights"' : ' class="dh-code"'
  return `<pre${attr}><code class="${cls}">${inner}</code></pre>`
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
