// Pure: deck.yml text (+ CLI overrides) -> a fully filled DeckConfig, every problem located.
import { posix } from 'node:path'
import * as z from 'zod'
import { error, type Diagnostic, type SourceSpan, type StageResult } from '../diagnostics/diagnostic.js'
import { EXPORT_FORMATS, HANDOUT_LAYOUTS, type DeckConfig, type ExportFormat, type HandoutLayout, type Paper } from '../model.js'
import { keepTextAsWritten, parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml-mapping.js'
import { allowedKeys, validateYamlMapping } from '../yaml/validate-yaml-mapping.js'
import { foreignKeysWarning, partitionForeignKeys, type Dialect } from '../content/dialects/foreign-keys.js'
import { detectDialect } from '../content/dialects/read-dialect-settings.js'

/** CLI flags that win over deck.yml. */
export interface DeckConfigOverrides {
  readonly theme: string
  readonly paper: Paper
  readonly handouts: readonly HandoutLayout[]
}

/** A string, also accepting a number (`date: 2026`, `title: 1984`), which YAML reads as one. */
const text = () => z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())

export const TEXT_FIELDS = ['title', 'subtitle', 'author', 'date', 'event']

const layouts = HANDOUT_LAYOUTS as readonly [HandoutLayout, ...HandoutLayout[]]

export const deckConfigSchema = z
  .object({
    title: text(),
    subtitle: text().default(''),
    author: text().default(''),
    date: text().default(''),
    event: text().default(''),
    /** The deck's language, a BCP 47 tag (`ja`, `zh-CN`); picks the fonts for Han characters. @defaultValue detected from the text */
    lang: z.string().default(''),
    /** @defaultValue 'daylight' */
    theme: z.string().min(1).default('daylight'),
    chapters: z.array(z.string().min(1)).default([]),
    /** @defaultValue 'safe' */
    html: z.enum(['safe', 'trusted']).default('safe'),
    reveal: z.record(z.string(), z.unknown()).default({}),
    handouts: z
      .object({
        /** @defaultValue ['notes', '3-up'] */
        layouts: z.array(z.enum(layouts)).default(['notes', '3-up']),
        /** @defaultValue 'A4' */
        paper: z.enum(['A4', 'Letter']).default('A4'),
      })
      .strict()
      .prefault({}),
    titleSlide: z.boolean().default(true),
    agenda: z.boolean().default(true),
    /** Minutes; 0 = not planned. */
    duration: z.number().min(0).default(0),
    /** Words a minute. @defaultValue 130 */
    speakingRate: z.number().positive().default(130),
    math: z
      .object({
        /** TeX macros for every formula of the deck (`\RR: \mathbb{R}`). @defaultValue {} */
        macros: z.record(z.string().regex(/^\\[A-Za-z]+$|^\\.$/, 'a macro name is a backslash and letters, like \\RR'), text()).default({}),
      })
      .strict()
      .prefault({}),
    /** Formats `deckhand export` writes by default. @defaultValue [] (every format) */
    exports: z.array(z.enum(EXPORT_FORMATS as readonly [ExportFormat, ...ExportFormat[]])).default([]),
  })
  .strict()

/** Parses and validates deck.yml; `value` is filled with defaults even when there are errors. */
export function resolveDeckConfig(text: string, file: string, overrides: Partial<DeckConfigOverrides> = {}): StageResult<DeckConfig> {
  const written = keepTextAsWritten(parseYamlMapping(text, file), TEXT_FIELDS)
  // Keys copied from reveal-md, Marp or Slidev settings are a warning; a typo of ours stays an error.
  const { mapping, foreign } = partitionForeignKeys(written, allowedKeys(deckConfigSchema, []), 'deckhand')
  const resolved = validateDeckMapping(mapping, 'deck.yml', overrides)
  return { value: resolved.value, diagnostics: [...foreignKeysWarning(written, foreign, 'deck.yml'), ...resolved.diagnostics] }
}

/** Validates a mapping of deck.yml's keys (from deck.yml, or a lone file's front matter) and applies the overrides. */
export function validateDeckMapping(mapping: YamlMapping, label: string, overrides: Partial<DeckConfigOverrides>): StageResult<DeckConfig> {
  const result = validateYamlMapping(mapping, deckConfigSchema, label)
  const diagnostics: Diagnostic[] = [...result.diagnostics]
  // On errors, fall back to defaults so later stages can still run and report their own problems.
  const base = result.value ?? deckConfigSchema.parse({ title: '' })
  const value: DeckConfig = {
    ...base,
    theme: overrides.theme ?? base.theme,
    handouts: {
      layouts: overrides.handouts ?? base.handouts.layouts,
      paper: overrides.paper ?? base.handouts.paper,
    },
    reveal: base.reveal,
    spans: { ...mapping.keySpans, ...chapterSpans(mapping, base.chapters.length) },
    file: mapping.file,
  }
  diagnostics.push(...listedTwice(base.chapters, value))
  return { value, diagnostics }
}

/** deck.yml's keys that a lone Markdown file's front matter may hold (its one chapter is itself). */
export const FILE_DECK_KEYS: readonly string[] = allowedKeys(deckConfigSchema, []).filter((k) => k !== 'chapters')

/**
 * Which tool a lone file was written for, judged without deck.yml's keys: `theme:` or `author:`
 * there are the deck's settings, not a sign of reveal-md or Marp.
 */
export function fileDialect(head: Readonly<Record<string, unknown>>): Dialect {
  return detectDialect(Object.fromEntries(Object.entries(head).filter(([k]) => !FILE_DECK_KEYS.includes(k))))
}

/** `chapters.0`, `chapters.1`…: where each entry of the list was written. */
function chapterSpans(mapping: YamlMapping, count: number): Record<string, SourceSpan> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`chapters.${i}`, mapping.spanOf(['chapters', i])]))
}

/** A file listed twice would show its slides twice; the second entry is the mistake. */
function listedTwice(chapters: readonly string[], config: DeckConfig): Diagnostic[] {
  const seen = new Map<string, number>()
  return chapters.flatMap((name, i) => {
    const key = posix.normalize(name.replace(/\\/g, '/'))
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, i)
      return []
    }
    const firstLine = config.spans[`chapters.${first}`]?.line
    return [error('chapter-listed-twice', `deck.yml lists the chapter "${name}" twice`, config.spans[`chapters.${i}`], firstLine ? `It is listed first on line ${firstLine}; remove one entry.` : 'Remove one entry.')]
  })
}
