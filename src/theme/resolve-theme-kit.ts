// Pure: a theme and its ancestors (parsed theme.yml files) -> one complete ThemeKit.
import { isAbsolute, join } from 'node:path'
import { closest } from 'fastest-levenshtein'
import { error, type Diagnostic, type SourceSpan, type StageResult } from '../diagnostics/diagnostic.js'
import { BUNDLED_FONTS, findBundledFont } from './bundled-fonts.js'
import { backgroundFile, classifyBackground } from './classify-background.js'
import { derivePrint } from './derive-print.js'
import { DEFAULT_LOGO_HEIGHT, DEFAULT_THEME_INPUT } from './default-kit.js'
import type { ParsedTheme } from './parse-theme-yaml.js'
import type { FontRef, Palette, SlideLook, ThemeKit } from './theme-kit.js'
import { FALLBACK_SCRIPTS, type FallbackScript, type FontSpecInput, type ThemeInput } from './theme-schema.js'

export interface ThemeSource {
  readonly name: string
  /** Absolute folder of the theme (its files are relative to it). */
  readonly dir: string
  readonly parsed: ParsedTheme
}

type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v)
/** Font specs replace each other whole: merging `{family, files}` into a name would make no sense. */
const isAtomic = (path: string): boolean => /^fonts\.(heading|body|code|fallback\.\w+)$/.test(path)

export function mergeThemeInputs(base: Plain, over: Plain, path = ''): Plain {
  const out: Plain = { ...base }
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    const keyPath = path ? `${path}.${key}` : key
    const prev = out[key]
    out[key] = isPlain(prev) && isPlain(value) && !isAtomic(keyPath) ? mergeThemeInputs(prev, value, keyPath) : value
  }
  return out
}

/** Rewrites the file references of one theme.yml to absolute paths inside its own folder. */
export function absolutizeFiles(input: ThemeInput, dir: string): ThemeInput {
  const abs = (file: string): string => (isAbsolute(file) ? file : join(dir, file))
  const font = (spec: FontSpecInput | undefined): FontSpecInput | undefined =>
    spec === undefined || typeof spec === 'string' || 'system' in spec
      ? spec
      : { ...spec, ...(spec.file && { file: abs(spec.file) }), ...(spec.files && { files: spec.files.map((f) => ({ ...f, file: abs(f.file) })) }) }
  const look = <T extends { background?: string | undefined }>(l: T | undefined): T | undefined =>
    l?.background !== undefined && classifyBackground(l.background) === 'image' ? { ...l, background: abs(backgroundFile(l.background)) } : l
  const fonts = input.fonts && {
    ...input.fonts,
    heading: font(input.fonts.heading),
    body: font(input.fonts.body),
    code: font(input.fonts.code),
    fallback: input.fonts.fallback && Object.fromEntries(Object.entries(input.fonts.fallback).map(([k, v]) => [k, font(v)])),
  }
  return {
    ...input,
    ...(fonts && { fonts }),
    ...(input.logo?.file && { logo: { ...input.logo, file: abs(input.logo.file) } }),
    ...(input.titleSlide && { titleSlide: look(input.titleSlide) }),
    ...(input.sectionSlide && { sectionSlide: look(input.sectionSlide) }),
    ...(input.print && { print: { ...input.print, titleSlide: look(input.print.titleSlide), sectionSlide: look(input.print.sectionSlide) } }),
  } as ThemeInput
}

/** Merges a chain (the theme first, its furthest ancestor last) over the defaults. */
export function resolveThemeKit(chain: readonly ThemeSource[]): StageResult<ThemeKit | null> {
  const self = chain[0]!
  const ancestorsFirst = [...chain].reverse()
  let merged: Plain = DEFAULT_THEME_INPUT as Plain
  const spans: Record<string, SourceSpan> = {}
  for (const source of ancestorsFirst) {
    merged = mergeThemeInputs(merged, absolutizeFiles(source.parsed.input, source.dir) as Plain)
    Object.assign(spans, source.parsed.spans)
  }
  const input = merged as ThemeInput & typeof DEFAULT_THEME_INPUT
  const diagnostics: Diagnostic[] = []
  const spanAt = (key: string): SourceSpan => spans[key] ?? { file: self.parsed.file, line: 1 }
  const fontRef = (spec: FontSpecInput, key: string): FontRef => {
    if (typeof spec !== 'string' && 'system' in spec) return { kind: 'system', families: typeof spec.system === 'string' ? [spec.system] : spec.system, key }
    if (typeof spec !== 'string') {
      // `file:` (one file) and `files:` (several) may be combined; each keeps the key that named it, for messages.
      const files = [
        ...(spec.file ? [{ path: spec.file, weight: spec.weight ?? 400, style: spec.style ?? 'normal', key: `${key}.file` }] : []),
        ...(spec.files ?? []).map((f, i) => ({ path: f.file, weight: f.weight ?? 400, style: f.style ?? 'normal', key: `${key}.files.${i}.file` })),
      ]
      if (files.length === 0) diagnostics.push(error('theme-invalid', `Font "${spec.family}" at ${key} names no file (add file: fonts/x.woff2)`, spanAt(key)))
      return { kind: 'files', family: spec.family, generic: spec.generic ?? (key === 'fonts.code' ? 'monospace' : 'sans-serif'), files, key }
    }
    const name = findBundledFont(spec)
    if (!name && spec.toLowerCase().includes('emoji')) {
      diagnostics.push(error('theme-invalid', `"${spec}" at ${key} is not bundled: colour emoji come from the system`, spanAt(key), 'Write { system: "Noto Color Emoji" } (Debian: apt install fonts-noto-color-emoji).'))
    } else if (!name) {
      const hint = `Did you mean "${closest(spec, Object.keys(BUNDLED_FONTS))}"? Bundled: ${Object.keys(BUNDLED_FONTS).join(', ')}. For your own font: { family: "Brand Sans", file: fonts/brand.woff2 }`
      diagnostics.push(error('theme-invalid', `Unknown bundled font "${spec}" at ${key}`, spanAt(key), hint))
    }
    return { kind: 'bundled', name: name ?? 'Inter', key }
  }
  const colors = input.colors as Palette
  const titleSlide: SlideLook = { background: input.titleSlide?.background ?? colors.accent, text: input.titleSlide?.text ?? colors.accentText }
  const sectionSlide: SlideLook = { background: input.sectionSlide?.background ?? colors.surface, text: input.sectionSlide?.text ?? colors.heading }
  const logo = input.logo?.file
    ? { path: input.logo.file, position: input.logo.position ?? 'top-right', alt: input.logo.alt ?? `${self.parsed.input.name ?? self.name} logo`, height: input.logo.height ?? DEFAULT_LOGO_HEIGHT }
    : null
  const kit: ThemeKit = {
    name: self.name,
    chain: chain.map((c) => c.name),
    file: self.parsed.file,
    colors,
    fonts: {
      heading: fontRef(input.fonts.heading, 'fonts.heading'),
      body: fontRef(input.fonts.body, 'fonts.body'),
      code: fontRef(input.fonts.code, 'fonts.code'),
      fallback: Object.fromEntries(FALLBACK_SCRIPTS.map((s) => [s, fontRef(input.fonts.fallback[s], `fonts.fallback.${s}`)])) as Record<FallbackScript, FontRef>,
    },
    logo,
    footer: input.footer,
    width: input.size.width,
    height: input.size.height,
    titleSlide,
    sectionSlide,
    print: derivePrint(colors, titleSlide, sectionSlide, input.print),
    spans,
    dirs: ancestorsFirst.map((c) => ({ name: c.name, dir: c.dir })),
  }
  return { value: diagnostics.length > 0 ? null : kit, diagnostics }
}
