// Pure: a chapter's text -> its front matter (validated, located) and the Markdown body after it.
import { z } from 'zod'
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js'
import type { ChapterMeta } from '../model.js'
import { parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml-mapping.js'
import { allowedKeys, validateYamlMapping } from '../yaml/validate-yaml-mapping.js'
import { NO_SEPARATORS, readDialectSettings, type Separators } from './dialects/read-dialect-settings.js'

export interface FrontMatterSplit {
  readonly meta: ChapterMeta
  /** The Markdown after the front matter (the whole text when there is none). */
  readonly body: string
  /** 1-based file line where `body` starts, so later stages report real lines. */
  readonly bodyLine: number
  readonly diagnostics: readonly Diagnostic[]
  /** reveal-md's separators for this chapter ('' = deckhand's). */
  readonly separators: Separators
  /** The front matter as written, for Marp's and Slidev's first slide. */
  readonly head: Readonly<Record<string, unknown>>
}

const text = () => z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())

export const chapterMetaSchema = z
  .object({
    title: text().default(''),
    subtitle: text().default(''),
    /** Open the chapter with a section slide. @defaultValue true when a title is given */
    section: z.boolean().optional(),
    /** Template for slides that name none and match no inference rule. @defaultValue '' (infer) */
    template: z.string().default(''),
  })
  .strict()

const NO_META: ChapterMeta = { title: '', subtitle: '', section: false, template: '', spans: {}, dialect: { name: 'deckhand', theme: '', reveal: {} } }
const NO_FRONT = { meta: NO_META, bodyLine: 1, diagnostics: [], separators: NO_SEPARATORS, head: {} }

/**
 * Splits off front matter: the first line is exactly `---` and a later line is exactly `---` or
 * `...`, with a YAML mapping between. Anything else between them (Markdown such as `# Title`)
 * means there is no front matter: the leading `---` is then reveal-md's empty first separator.
 */
export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  const lines = text.split('\n')
  const close = lines[0]?.trimEnd() === '---' ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1
  if (close < 0) return { ...NO_FRONT, body: text }
  const yaml = lines.slice(1, close).join('\n')
  const mapping = parseYamlMapping(yaml, file, { lineOffset: 2 })
  if (!looksLikeFrontMatter(mapping, yaml)) return { ...NO_FRONT, body: text }
  const settings = readDialectSettings(mapping, allowedKeys(chapterMetaSchema, []))
  const { meta, diagnostics } = resolveMeta(settings.mapping, settings.dialect)
  const body = lines.slice(close + 1).join('\n')
  return { meta, body, bodyLine: close + 2, diagnostics: [...settings.diagnostics, ...diagnostics], separators: settings.separators, head: settings.head }
}

function looksLikeFrontMatter(mapping: YamlMapping, yaml: string): boolean {
  if (mapping.kind === 'mapping') return true
  // Broken YAML that starts like `key: value` was meant as front matter: report its error.
  if (mapping.kind === 'syntax-error') {
    const first = yaml.split('\n').find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))
    return first !== undefined && /^[A-Za-z_][\w-]*\s*:(\s|$)/.test(first)
  }
  return false
}

function resolveMeta(mapping: YamlMapping, dialect: ChapterMeta['dialect']): { meta: ChapterMeta; diagnostics: Diagnostic[] } {
  const result = validateYamlMapping(mapping, chapterMetaSchema, 'front matter')
  // Wrong values in front matter carry their own code; unknown keys and YAML errors keep theirs.
  const diagnostics = result.diagnostics.map((d) => (d.code === 'config-invalid' ? { ...d, code: 'front-matter-invalid' as const } : d))
  const spans: Record<string, SourceSpan> = mapping.keySpans
  if (!result.value) return { meta: { ...NO_META, spans, dialect }, diagnostics }
  const { title, subtitle, template } = result.value
  // A title in reveal-md, Marp or Slidev names the page; it opens no slide there, so none here.
  const section = result.value.section ?? (title !== '' && dialect.name === 'deckhand')
  return { meta: { title, subtitle, template, section, spans, dialect }, diagnostics }
}
