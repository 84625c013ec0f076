// Pure: deck.yml text (+ CLI overrides) -> a fully filled DeckConfig, every problem located.
import { z } from 'zod'
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import { HANDOUT_LAYOUTS, type DeckConfig, type HandoutLayout, type Paper } from '../model.js'
import { parseYamlMapping } from '../yaml/parse-yaml-mapping.js'
import { validateYamlMapping } from '../yaml/validate-yaml-mapping.js'

/** CLI flags that win over deck.yml. */
export interface DeckConfigOverrides {
  readonly theme: string
  readonly paper: Paper
  readonly handouts: readonly HandoutLayout[]
}

/** A string, also accepting a number (`date: 2026`, `title: 1984`), which YAML reads as one. */
const text = () => z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())

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
  })
  .strict()

/** Parses and validates deck.yml; `value` is filled with defaults even when there are errors. */
export function resolveDeckConfig(text: string, file: string, overrides: Partial<DeckConfigOverrides> = {}): StageResult<DeckConfig> {
  const mapping = parseYamlMapping(text, file)
  const result = validateYamlMapping(mapping, deckConfigSchema, 'deck.yml')
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
    spans: mapping.keySpans,
    file,
  }
  return { value, diagnostics }
}
