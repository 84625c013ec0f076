// Pure: a chapter's text -> its front matter (validated, located) and the Markdown body after it.
import { z } from 'zod'
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js'
import type { ChapterMeta } from '../model.js'
import { parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml-mapping.js'
import { validateYamlMapping } from '../yaml/validate-yaml-mapping.js'

export interface FrontMatterSplit {
  readonly meta: ChapterMeta
  /** The Markdown after the front matter (the whole text when there is none). */
  readonly body: string
  /** 1-based file line where `body` starts, so later stages report real lines. */
  readonly bodyLine: number
  readonly diagnostics: readonly Diagnostic[]
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
    /** The chapter's language (BCP 47), when it differs from the deck's. @defaultValue '' (detected) */
    lang: z.string().default(''),
  })
  .strict()

const NO_META: ChapterMeta = { title: '', subtitle: '', section: false, template: '', lang: '', spans: {} }

/**
 * Splits off front matter: the first line is exactly `---` and a later line is exactly `---` or
 * `...`, with a YAML mapping between. Anything else between them (Markdown such as `# Title`)
 * means there is no front matter: the leading `---` is then reveal-md's empty first separator.
 */
export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  const lines = text.split('\n')
  const close = lines[0]?.trimEnd() === '---' ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1
  if (close < 0) return { meta: NO_META, body: text, bodyLine: 1, diagnostics: [] }
  const yaml = lines.slice(1, close).join('\n')
  const mapping = parseYamlMapping(yaml, file, { lineOffset: 2 })
  if (!looksLikeFrontMatter(mapping, yaml)) return { meta: NO_META, body: text, bodyLine: 1, diagnostics: [] }
  const { meta, diagnostics } = resolveMeta(mapping)
  return { meta, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2, diagnostics }
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

function resolveMeta(mapping: YamlMapping): { meta: ChapterMeta; diagnostics: Diagnostic[] } {
  const result = validateYamlMapping(mapping, chapterMetaSchema, 'front matter')
  // Wrong values in front matter carry their own code; unknown keys and YAML errors keep theirs.
  const diagnostics = result.diagnostics.map((d) => (d.code === 'config-invalid' ? { ...d, code: 'front-matter-invalid' as const } : d))
  const spans: Record<string, SourceSpan> = mapping.keySpans
  if (!result.value) return { meta: { ...NO_META, spans }, diagnostics }
  const { title, subtitle, template, lang } = result.value
  return { meta: { title, subtitle, template, lang: lang.trim(), section: result.value.section ?? title !== '', spans }, diagnostics }
}
