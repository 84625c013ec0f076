/** An opening tag with its attributes (comments and closing tags do not match). */
const OPEN_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g

/** The fragment group of each fragment tag, in document order, numbered the way Reveal.js steps them. */
export function fragmentGroups(html: string): number[] {
  const indexed: number[] = []
  const raw: (number | undefined)[] = []
  for (const match of html.matchAll(OPEN_TAG)) {
    const attrs = match[2] ?? ''
    if (!hasClass(attrs, 'fragment')) continue
    const index = /\sdata-fragment-index\s*=\s*["']?(-?\d+)/.exec(attrs)
    const value = index ? Number(index[1]) : undefined
    raw.push(value)
    if (value !== undefined) indexed.push(value)
  }
  // Reveal.js: fragments with an index step in index order, then each unindexed one on its own.
  const distinct = [...new Set(indexed)].sort((a, b) => a - b)
  let next = distinct.length
  return raw.map((value) => (value === undefined ? next++ : distinct.indexOf(value)))
}

/** Number of fragment steps of a slide (0 when it has no fragments). */
export function countFragmentSteps(html: string): number {
  const groups = fragmentGroups(html)
  return groups.length === 0 ? 0 : Math.max(...groups) + 1
}

/** The slide with only the first `visible` fragment groups shown (the rest keep their space). */
export function showFragmentSteps(html: string, visible: number): string {
  const groups = fragmentGroups(html)
  let i = 0
  return html.replace(OPEN_TAG, (tag: string, name: string, attrs: string, selfClosing: string) => {
    if (!hasClass(attrs ?? '', 'fragment')) return tag
    const group = groups[i++]!
    if (group < visible) return tag
    return `<${name}${addClass(attrs ?? '', 'dh-step-hidden')}${selfClosing ? ' /' : ''}>`
  })
}

export function hasClass(attrs: string, name: string): boolean {
  const cls = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/.exec(attrs)
  const value = cls ? (cls[1] ?? cls[2] ?? cls[3] ?? '') : ''
  return value.split(/\s+/).includes(name)
}

function addClass(attrs: string, name: string): string {
  let done = false
  const out = attrs.replace(/(\sclass\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/, (_m, lead: string, a?: string, b?: string, c?: string) => {
    done = true
    return `${lead}"${(a ?? b ?? c ?? '').trim()} ${name}"`
  })
  return done ? out : `${attrs} class="${name}"`
}
