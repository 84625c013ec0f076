// Pure: which front matter and deck.yml keys belong to reveal-md, Marp or Slidev. A deck written
// for one of them builds here: the keys with no meaning here become one warning, not an error.
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js'
import type { YamlMapping } from '../../yaml/parse-yaml-mapping.js'
import { suggestKey } from '../../yaml/validate-yaml-mapping.js'

export type Dialect = 'deckhand' | 'reveal-md' | 'marp' | 'slidev'

/** reveal-md's options (its README and defaults.json), as written in front matter or reveal-md.json. */
export const REVEAL_MD_KEYS = new Set([
  'theme', 'highlightTheme', 'revealOptions', 'separator', 'verticalSeparator', 'notesSeparator', 'css', 'scripts',
  'preprocessor', 'listingTemplate', 'assetsDir', 'staticDir', 'staticDirs', 'static', 'host', 'port', 'watch', 'glob',
  'absoluteUrl', 'featuredSlide', 'disableAutoOpen', 'print', 'printSize', 'puppeteerLaunchArgs', 'puppeteerChromiumExecutable',
  'mermaid', 'base', 'filter',
])

/** Marpit's and Marp Core's directives, and Marp CLI's metadata keys. */
export const MARP_KEYS = new Set([
  'marp', 'theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'transition', 'paginate', 'header', 'footer', 'class',
  'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color', 'description',
  'author', 'keywords', 'url', 'image',
])

/** Slidev's headmatter (deck configuration) and per-slide front matter. */
export const SLIDEV_KEYS = new Set([
  'theme', 'addons', 'info', 'author', 'keywords', 'presenter', 'browserExporter', 'download', 'exportFilename', 'export',
  'highlighter', 'twoslash', 'lineNumbers', 'monaco', 'monacoTypesSource', 'remoteAssets', 'selectable', 'record',
  'contextMenu', 'wakeLock', 'colorSchema', 'routerMode', 'aspectRatio', 'canvasWidth', 'themeConfig', 'favicon',
  'plantUmlServer', 'fonts', 'defaults', 'drawings', 'htmlAttrs', 'mdc', 'comark', 'seoMeta', 'transition', 'duration',
  'timer', 'background', 'layout', 'class', 'clicks', 'clicksStart', 'disabled', 'hide', 'hideInToc', 'level', 'preload',
  'routeAlias', 'src', 'dragPos', 'image', 'backgroundSize', 'layoutClass', 'zoom', 'title', 'name', 'css', 'codeCopy',
  'magicMoveCopy', 'preloadImages', 'clickAnimation', 'editor', 'remote', 'notesAutoRuby', 'magicMoveDuration', 'url',
])

const FOREIGN = [REVEAL_MD_KEYS, MARP_KEYS, SLIDEV_KEYS]

export function isForeignKey(key: string): boolean {
  return FOREIGN.some((keys) => keys.has(key))
}

export interface KeyPartition {
  /** The mapping's value without the foreign keys, for strict validation of deckhand's own. */
  readonly mapping: YamlMapping
  /** The foreign keys in the order they were written. */
  readonly foreign: readonly string[]
}

/**
 * Takes out the keys deckhand does not know that belong to another tool (or, in a deck written
 * for another tool, any key that is not a near typo of one of deckhand's). Near typos stay, so
 * validation still reports them with "did you mean".
 */
export function partitionForeignKeys(mapping: YamlMapping, allowed: readonly string[], dialect: Dialect, handled: ReadonlySet<string> = new Set()): KeyPartition {
  if (mapping.kind !== 'mapping' || !mapping.value) return { mapping, foreign: [] }
  const own = new Set(allowed)
  const kept: Record<string, unknown> = {}
  const foreign: string[] = []
  for (const [key, value] of Object.entries(mapping.value)) {
    const isTypo = !own.has(key) && suggestKey(key, allowed) !== undefined && !isForeignKey(key)
    if (own.has(key) || isTypo) kept[key] = value
    else if (handled.has(key)) continue
    else if (isForeignKey(key) || dialect !== 'deckhand') foreign.push(key)
    else kept[key] = value
  }
  return { mapping: { ...mapping, value: kept }, foreign }
}

/** One warning naming every foreign key of a file, at the first of them. */
export function foreignKeysWarning(mapping: YamlMapping, foreign: readonly string[], label: string): Diagnostic[] {
  if (foreign.length === 0) return []
  return [
    warning(
      'foreign-keys',
      `${label} keys with no meaning in deckhand were ignored: ${foreignKeyList(foreign)}`,
      mapping.spanOf([foreign[0]!]),
      'They belong to reveal-md, Marp or Slidev; the README\'s "Bring your deck" section lists what deckhand reads.',
    ),
  ]
}

export function foreignKeyList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ')
}
