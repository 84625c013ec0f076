// Pure: theme.yml text -> validated ThemeInput, with the line of every key so that later
// checks (contrast, missing files) can point at the line that set a value. Parsing and
// validation are deck.yml's: the same codes, wording and did-you-mean hints.
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js'
import { keepTextAsWritten, parseYamlMapping, type YamlMapping, type YamlPath } from '../yaml/parse-yaml-mapping.js'
import { validateYamlMapping } from '../yaml/validate-yaml-mapping.js'
import { themeInputSchema, type ThemeInput } from './theme-schema.js'

/** Dotted key path (`colors.code.keyword`, `fonts.heading.files.0.file`) -> where it was written. */
export type KeySpans = Readonly<Record<string, SourceSpan>>

export interface ParsedTheme {
  readonly input: ThemeInput
  readonly spans: KeySpans
  readonly file: string
}

/** Text fields keep their text as written: `footer: 2026` is "2026", `name: 1.10` is "1.10". */
const TEXT_PATHS: readonly YamlPath[] = [['name'], ['description'], ['footer'], ['logo', 'alt']]

/** Parses and validates one theme.yml; returns null with diagnostics when it is not usable. */
export function parseThemeYaml(text: string, file: string): { value: ParsedTheme | null; diagnostics: Diagnostic[] } {
  const mapping = keepTextAsWritten(parseYamlMapping(text, file), TEXT_PATHS)
  const result = validateYamlMapping(mapping, themeInputSchema, 'theme.yml')
  const diagnostics = [...result.diagnostics]
  if (!result.value || diagnostics.some((d) => d.severity === 'error')) return { value: null, diagnostics }
  return { value: { input: result.value, spans: keySpans(mapping), file }, diagnostics }
}

/** Where every key and list item of the mapping was written, by its dotted path. */
function keySpans(mapping: YamlMapping): KeySpans {
  const spans: Record<string, SourceSpan> = {}
  const walk = (value: unknown, path: YamlPath): void => {
    if (path.length > 0) spans[path.join('.')] = mapping.spanOf(path)
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]))
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
  }
  walk(mapping.value, [])
  return spans
}
