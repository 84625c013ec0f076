// Pure: a chapter's text -> its front matter (validated, located) and the Markdown body after it.
import * as z from 'zod'
import { error, warning, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { ChapterMeta } from '../model.js'
import { keepTextAsWritten, parseYamlMapping, type YamlMapping } from '../yaml/parse-yaml-mapping.js'
import { allowedKeys, validateYamlMapping } from '../yaml/validate-yaml-mapping.js'
import { NO_SEPARATORS, readDialectSettings, type Separators } from './dialects/read-dialect-settings.js'
import { FILE_DECK_KEYS, fileDialect, TEXT_FIELDS } from '../project/resolve-config.js'

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
  /** The front matter, located; undefined when there is none. */
  readonly mapping?: YamlMapping
}

export interface FrontMatterOptions {
  /** The file is a whole deck: deck.yml's keys are allowed here, and a title opens no section slide. */
  readonly asDeck?: boolean
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

const NO_META: ChapterMeta = { title: '', subtitle: '', section: false, template: '', lang: '', spans: {}, dialect: { name: 'deckhand', theme: '', reveal: {} } }
const NO_FRONT = { meta: NO_META, bodyLine: 1, diagnostics: [], separators: NO_SEPARATORS, head: {} }

/**
 * Splits off front matter: the first line is exactly `---` and a later line is exactly `---` or
 * `...`, with a YAML mapping between. Anything else between them (Markdown such as `# Title`)
 * means there is no front matter: the leading `---` is then reveal-md's empty first separator.
 */
export function splitFrontMatter(text: string, file: string, options: FrontMatterOptions = {}): FrontMatterSplit {
  const lines = text.split('\n')
  const language = /^---([A-Za-z][\w-]*)[ \t]*$/.exec(lines[0] ?? '')?.[1]
  if (language && !/^ya?ml$/i.test(language)) return otherLanguage(language, lines, text, file)
  const close = lines[0]?.trimEnd() === '---' || language ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1
  if (close < 0) return { ...NO_FRONT, body: text, diagnostics: unclosed(lines, file) }
  const yaml = lines.slice(1, close).join('\n')
  const mapping = keepTextAsWritten(parseYamlMapping(yaml, file, { lineOffset: 2 }), [...TEXT_FIELDS])
  if (!looksLikeFrontMatter(mapping, yaml)) return { ...NO_FRONT, body: text }
  const own = allowedKeys(chapterMetaSchema, [])
  // A lone file's front matter is also its deck.yml: those keys are the deck's, read elsewhere.
  const deckOnly = options.asDeck ? FILE_DECK_KEYS.filter((k) => !own.includes(k)) : []
  const asWritten = options.asDeck && fileDialect(mapping.value ?? {}) === 'deckhand' ? withoutKeys(mapping, deckOnly) : mapping
  const settings = readDialectSettings(asWritten, [...own, ...deckOnly])
  const { meta, diagnostics } = resolveMeta(withoutKeys(settings.mapping, deckOnly), settings.dialect, !options.asDeck)
  const body = lines.slice(close + 1).join('\n')
  return { meta, body, bodyLine: close + 2, diagnostics: [...settings.diagnostics, ...diagnostics], separators: settings.separators, head: settings.head, mapping }
}

/** The front matter as a located mapping, or undefined when the text has none. */
export function frontMatterMapping(text: string, file: string): YamlMapping | undefined {
  return splitFrontMatter(text, file).mapping
}

function withoutKeys(mapping: YamlMapping, keys: readonly string[]): YamlMapping {
  if (!mapping.value || keys.length === 0) return mapping
  return { ...mapping, value: Object.fromEntries(Object.entries(mapping.value).filter(([k]) => !keys.includes(k))) }
}

/**
 * `---js`, `---coffee` (gray-matter's code front matter) would have to run code to be read:
 * never. Other languages are not read either; only YAML is.
 */
function otherLanguage(language: string, lines: readonly string[], text: string, file: string): FrontMatterSplit {
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
  const runsCode = /^(js|javascript|coffee|coffeescript|cson)$/i.test(language)
  const message = `Front matter in ${language} is not supported${runsCode ? ': reading it would run code' : ''}`
  const diagnostic = error('front-matter-unsupported', message, { file, line: 1 }, 'Write the front matter in YAML, between two `---` lines.')
  if (close < 0) return { ...NO_FRONT, body: text, diagnostics: [diagnostic] }
  return { ...NO_FRONT, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2, diagnostics: [diagnostic] }
}

/** An opening `---` followed by `key: value` lines and no closing line was meant as front matter. */
function unclosed(lines: readonly string[], file: string): Diagnostic[] {
  if (lines[0]?.trimEnd() !== '---') return []
  const first = lines.slice(1, 20).find((l) => l.trim() !== '')
  if (first === undefined || !/^[A-Za-z_][\w-]*[ \t]*:([ \t]|$)/.test(first)) return []
  return [warning('front-matter-unclosed', 'Front matter opened here is never closed, so it is read as slide text', { file, line: 1 }, 'End the front matter with a line holding only `---`.')]
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

function resolveMeta(mapping: YamlMapping, dialect: ChapterMeta['dialect'], sectionByTitle: boolean): { meta: ChapterMeta; diagnostics: Diagnostic[] } {
  const result = validateYamlMapping(mapping, chapterMetaSchema, 'front matter')
  // Wrong values in front matter carry their own code; unknown keys and YAML errors keep theirs.
  const diagnostics = result.diagnostics.map((d) => (d.code === 'config-invalid' ? { ...d, code: 'front-matter-invalid' as const } : d))
  const spans: Record<string, SourceSpan> = mapping.keySpans
  if (!result.value) return { meta: { ...NO_META, spans, dialect }, diagnostics }
  const { title, subtitle, template, lang } = result.value
  // A title in reveal-md, Marp or Slidev names the page; it opens no slide there, so none here.
  const section = result.value.section ?? (sectionByTitle && title !== '' && dialect.name === 'deckhand')
  return { meta: { title, subtitle, template, lang: lang.trim(), section, spans, dialect }, diagnostics }
}
