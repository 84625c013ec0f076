// Pure: Marp's directives. A comment (or the front matter) of `key: value` lines naming one of
// Marp's local directives sets it for this slide and the ones after; `_key` for this slide only.
// Any other comment is a speaker note.
import { isColor } from '../../../theme/theme-schema.js'

export interface MarpLocals {
  readonly paginate?: string
  readonly header?: string
  readonly footer?: string
  readonly class?: string
  readonly backgroundColor?: string
  readonly backgroundImage?: string
  readonly backgroundPosition?: string
  readonly backgroundRepeat?: string
  readonly backgroundSize?: string
  readonly color?: string
}

const LOCALS = new Set(['paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color'])
const GLOBALS = new Set(['theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'transition', 'title', 'description', 'author', 'keywords', 'url', 'image', 'marp'])
// Comments linters and formatters read; Marp neither shows nor collects them.
const MAGIC = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/]
const LINE = /^\s*(_?[A-Za-z][\w-]*)\s*:(.*)$/

export type CommentKind = { kind: 'directive'; entries: ReadonlyArray<readonly [string, string]> } | { kind: 'magic' } | { kind: 'fit' } | { kind: 'note' }

/** What a comment is to Marp; values are read loosely, as Marp reads `#123` unquoted. */
export function classifyComment(content: string): CommentKind {
  if (content === 'fit') return { kind: 'fit' }
  if (MAGIC.some((m) => m.test(content))) return { kind: 'magic' }
  const lines = content.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'))
  const entries = lines.map((l) => LINE.exec(l))
  if (lines.length === 0 || entries.some((e) => e === null)) return { kind: 'note' }
  const pairs = entries.map((e) => [e![1]!, unquote(e![2]!.trim())] as const)
  return pairs.some(([k]) => LOCALS.has(k.replace(/^_/, '')) || GLOBALS.has(k)) ? { kind: 'directive', entries: pairs } : { kind: 'note' }
}

/** Directives in effect, slide by slide. */
export class MarpDirectives {
  private carried: Record<string, string> = {}
  private spot: Record<string, string> = {}

  /** The front matter's locals: plain ones carry on from the first slide, `_` ones stay on it. */
  static fromHead(head: Readonly<Record<string, unknown>>): MarpDirectives {
    const directives = new MarpDirectives()
    directives.apply(Object.entries(head).filter(([, v]) => v !== null && typeof v !== 'object').map(([k, v]) => [k, String(v)] as const))
    return directives
  }

  apply(entries: ReadonlyArray<readonly [string, string]>): void {
    for (const [key, value] of entries) {
      const spot = key.startsWith('_')
      const name = spot ? key.slice(1) : key
      if (!LOCALS.has(name)) continue
      if (spot) this.spot[name] = value
      else this.carried[name] = value
    }
  }

  /** The directives of the slide being read; `_` ones are dropped for the next slide. */
  takeSlide(): MarpLocals {
    const current = { ...this.carried, ...this.spot }
    this.spot = {}
    return current
  }
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  return quoted ? quoted[2]! : value
}

/** `<!-- .slide: -->` attributes for a slide's directives (its backgrounds, class and colour). */
export function directiveAttributes(locals: MarpLocals): string[] {
  const attrs: string[] = []
  const classes = (locals.class ?? '').split(/\s+/).filter((c) => /^[\w-]+$/.test(c))
  // Marp's themes centre a `lead` slide; deckhand's dh-center does the same for any layout.
  if (classes.includes('lead')) classes.push('dh-center')
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`)
  // Marp's `invert` is the theme's dark variant.
  if (classes.includes('invert')) attrs.push('data-dh-tone="dark"')
  if (locals.backgroundColor && isColor(locals.backgroundColor)) attrs.push(`data-background-color="${locals.backgroundColor}"`)
  const image = locals.backgroundImage?.trim() ?? ''
  const url = cssUrl(image)
  if (url) attrs.push(`data-background-image="${url}"`)
  else if (/gradient\(/i.test(image) && !/["<>]/.test(image)) attrs.push(`data-background-gradient="${image}"`)
  for (const [key, attr] of [['backgroundSize', 'size'], ['backgroundPosition', 'position'], ['backgroundRepeat', 'repeat']] as const) {
    const value = locals[key]
    if (value && /^[\w\s.%-]+$/.test(value)) attrs.push(`data-background-${attr}="${value}"`)
  }
  if (locals.color && isColor(locals.color)) attrs.push(`style="--dh-text: ${locals.color}; --dh-heading: ${locals.color}" data-dh-text-color="${locals.color}"`)
  return attrs
}

/** The address in `url(x)`, `url('x')` or `url("x")`; undefined for anything else. */
function cssUrl(value: string): string | undefined {
  if (!/^url\(/i.test(value) || !value.endsWith(')')) return undefined
  let inner = value.slice(4, -1).trim()
  if (/^['"]/.test(inner)) inner = inner.slice(1)
  if (/['"]$/.test(inner)) inner = inner.slice(0, -1)
  return inner && !/['")]/.test(inner) ? inner : undefined
}
