// Pure: a chapter's front matter -> which tool it was written for, and the settings deckhand takes
// from it (theme, Reveal options, separators); what is left is validated as deckhand's own.
import safeRegex from 'safe-regex2'
import { error, warning, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.js'
import type { ChapterDialect } from '../../model.js'
import type { YamlMapping } from '../../yaml/parse-yaml-mapping.js'
import { foreignKeysWarning, partitionForeignKeys, REVEAL_MD_KEYS, type Dialect } from './foreign-keys.js'
import { mapThemeName, mapTransition } from './map-foreign-names.js'

/** reveal-md's separators, as regular expression sources; '' keeps deckhand's. */
export interface Separators {
  readonly separator: string
  readonly verticalSeparator: string
  readonly notesSeparator: string
}

export interface DialectSettings {
  readonly dialect: ChapterDialect
  readonly separators: Separators
  /** The front matter as written, for dialects whose first slide reads it too (Marp, Slidev). */
  readonly head: Readonly<Record<string, unknown>>
  /** The front matter with the keys read here removed. */
  readonly mapping: YamlMapping
  readonly diagnostics: readonly Diagnostic[]
}

const SLIDEV_MARKERS = [
  'layout', 'info', 'drawings', 'mdc', 'comark', 'background', 'highlighter', 'lineNumbers', 'colorSchema', 'routerMode',
  'aspectRatio', 'canvasWidth', 'themeConfig', 'fonts', 'addons', 'download', 'exportFilename', 'selectable', 'record',
  'presenter', 'htmlAttrs', 'seoMeta', 'remoteAssets', 'monaco', 'twoslash', 'hideInToc', 'level', 'src', 'dragPos',
  'layoutClass', 'clicks', 'defaults', 'transition',
]

/**
 * Keys each dialect gives a meaning here; they are read, not warned about. Marp's `math` names
 * its formula library: formulas are typeset here whichever it names (with KaTeX).
 */
const HANDLED: Readonly<Record<Dialect, readonly string[]>> = {
  deckhand: [],
  'reveal-md': ['theme', 'highlightTheme', 'revealOptions', 'separator', 'verticalSeparator', 'notesSeparator'],
  marp: [
    'marp', 'theme', 'transition', 'description', 'paginate', 'header', 'footer', 'class', 'color', 'backgroundColor',
    'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'headingDivider', 'math',
  ],
  slidev: ['theme', 'transition', 'info', 'layout', 'class', 'background', 'image', 'hide', 'disabled', 'src', 'level', 'layoutClass'],
}

export const NO_SEPARATORS: Separators = { separator: '', verticalSeparator: '', notesSeparator: '' }

export function detectDialect(head: Readonly<Record<string, unknown>>): Dialect {
  if (head.marp === true) return 'marp'
  if (SLIDEV_MARKERS.some((k) => k in head)) return 'slidev'
  if (Object.keys(head).some((k) => REVEAL_MD_KEYS.has(k))) return 'reveal-md'
  return 'deckhand'
}

/** Reads what deckhand takes from a front matter written for reveal-md, Marp or Slidev. */
export function readDialectSettings(mapping: YamlMapping, allowed: readonly string[]): DialectSettings {
  const head = mapping.kind === 'mapping' && mapping.value ? mapping.value : {}
  const name = detectDialect(head)
  const handled = new Set([...HANDLED[name], ...Object.keys(head).filter((k) => name === 'marp' && k.startsWith('_'))])
  const { mapping: kept, foreign } = partitionForeignKeys(mapping, allowed, name, handled)
  const diagnostics: Diagnostic[] = [...foreignKeysWarning(mapping, foreign, 'Front matter')]
  const span = (key: string): SourceSpan => mapping.spanOf([key])
  const theme = typeof head.theme === 'string' ? readTheme(head.theme, span('theme'), diagnostics) : ''
  const reveal = { ...transitionOption(name, head), ...revealOptions(name, head, span, diagnostics) }
  const dialect: ChapterDialect = { name, theme, ...(theme && { themeSpan: span('theme') }), reveal }
  return { dialect, separators: name === 'reveal-md' ? readSeparators(head, span, diagnostics) : NO_SEPARATORS, head, mapping: kept, diagnostics }
}

function readTheme(name: string, span: SourceSpan, diagnostics: Diagnostic[]): string {
  const { theme, mapped } = mapThemeName(name)
  if (mapped) {
    diagnostics.push(warning('theme-mapped', `Theme "${name}" is not one of deckhand's; the deck uses the built-in "${theme}", the closest`, span, 'Set `theme:` in deck.yml to choose another.'))
  }
  return theme
}

function transitionOption(name: Dialect, head: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const transition = name === 'marp' || name === 'slidev' ? mapTransition(head.transition) : undefined
  return transition ? { transition } : {}
}

function revealOptions(name: Dialect, head: Readonly<Record<string, unknown>>, span: (key: string) => SourceSpan, diagnostics: Diagnostic[]): Record<string, unknown> {
  if (name !== 'reveal-md' || head.revealOptions === undefined) return {}
  if (typeof head.revealOptions === 'object' && head.revealOptions !== null && !Array.isArray(head.revealOptions)) return { ...(head.revealOptions as Record<string, unknown>) }
  diagnostics.push(warning('front-matter-invalid', '`revealOptions` must be a mapping of Reveal.js options; it was ignored', span('revealOptions')))
  return {}
}

function readSeparators(head: Readonly<Record<string, unknown>>, span: (key: string) => SourceSpan, diagnostics: Diagnostic[]): Separators {
  const read = (key: keyof Separators): string => {
    const value = head[key]
    if (value === undefined || value === null || value === '') return ''
    if (typeof value === 'string' && isRegex(value)) {
      if (safeRegex(value)) return value
      // A repetition inside a repetition can backtrack for minutes on one unlucky line.
      diagnostics.push(error('regex-unsafe', `\`${key}\` repeats a group that itself repeats, which can take very long on some text`, span(key), 'Write it without a repetition inside a repetition, e.g. `^\\n\\n\\n` rather than `^(\\s*\\n){3}`.'))
      return ''
    }
    diagnostics.push(error('front-matter-invalid', `\`${key}\` is not a regular expression`, span(key), 'reveal-md reads it as a JavaScript regular expression, e.g. `<!--s-->` or `^\\n\\n\\n`.'))
    return ''
  }
  return { separator: read('separator'), verticalSeparator: read('verticalSeparator'), notesSeparator: read('notesSeparator') }
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'm')
    return true
  } catch {
    return false
  }
}
