// Pure: a lone Markdown file's front matter -> its DeckConfig. The file is the deck's one chapter,
// and deck.yml's keys written in its front matter are the deck's settings.
import path from 'node:path'
import type { StageResult } from '../diagnostics/diagnostic.js'
import type { DeckConfig } from '../model.js'
import { MARP_KEYS, REVEAL_MD_KEYS, SLIDEV_KEYS, type Dialect } from '../content/dialects/foreign-keys.js'
import { frontMatterMapping } from '../content/parse-front-matter.js'
import { parseYamlMapping } from '../yaml/parse-yaml-mapping.js'
import { FILE_DECK_KEYS, fileDialect, TEXT_FIELDS, validateDeckMapping, type DeckConfigOverrides } from './resolve-config.js'

const TOOL_KEYS: Readonly<Record<Dialect, ReadonlySet<string>>> = { deckhand: new Set(), 'reveal-md': REVEAL_MD_KEYS, marp: MARP_KEYS, slidev: SLIDEV_KEYS }

export function resolveFileDeckConfig(text: string, file: string, overrides: Partial<DeckConfigOverrides> = {}): StageResult<DeckConfig> {
  const found = frontMatterMapping(text, file)
  const written = found?.kind === 'mapping' ? found : parseYamlMapping('', file)
  const head = written.value ?? {}
  const dialect = fileDialect(head)
  // In a file written for Marp, Slidev or reveal-md, a key those tools share with deck.yml
  // (theme, math, size) means theirs, and is read as theirs by the chapter; text fields are the deck's.
  const theirs = TOOL_KEYS[dialect]
  const picked = Object.entries(head).filter(([k]) => FILE_DECK_KEYS.includes(k) && (TEXT_FIELDS.includes(k) || !theirs.has(k)))
  const value: Record<string, unknown> = {
    title: firstHeading(text) ?? path.basename(file, path.extname(file)),
    // A generated title slide only where the file asked for a title; Marp and Slidev open with their own.
    titleSlide: 'title' in head && dialect !== 'marp' && dialect !== 'slidev',
    // An agenda of one chapter says nothing.
    agenda: false,
    ...Object.fromEntries(picked),
    chapters: [path.basename(file)],
  }
  return validateDeckMapping({ ...written, kind: 'mapping', value }, 'front matter', overrides)
}

/** The text of the first `#` heading, for a deck whose front matter names no title. */
function firstHeading(text: string): string | undefined {
  const line = text.split('\n').find((l) => /^#[ \t]/.test(l))
  if (line === undefined) return undefined
  // A closing run of `#` (`# Title ##`) is not part of the title.
  let end = line.length
  while (end > 1 && (line[end - 1] === '#' || line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end--
  return line.slice(1, end).replace(/<!--.*?-->/g, '').trim() || undefined
}
