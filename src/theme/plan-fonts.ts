// Pure: which @font-face rules and font files a deck needs. Bundled fonts bring only the
// weights a role uses; script fallbacks (CJK, Arabic, Hebrew, emoji) come in only for the
// characters the deck's text has that the theme's own fonts lack, one Unicode-range subset
// at a time — a CJK font is 50-80 MB whole, a few hundred KB for one deck's characters.
import { extname } from 'node:path'
import type { AssetRef } from '../model.js'
import { BUNDLED_FONTS, ROLE_FACES, type FaceWanted } from './bundled-fonts.js'
import { primaryLanguage, type LanguageText } from '../slides/detect-language.js'
import { neededCodePoints, rangesContain } from './detect-scripts.js'
import { fallbackFontsWanted, fallbackOrder, planFallbacks, type FontCatalog } from './plan-fallback-fonts.js'
import type { FontsourceFace } from './read-fontsource.js'
import { themeAssetPath } from './theme-asset-path.js'
import type { FallbackScript } from './theme-schema.js'
import type { FontRef, ThemeKit } from './theme-kit.js'

export type { FontCatalog }

/** The deck's text by language, and the deck's own language (the default font stack's). */
export interface DeckTexts {
  readonly texts: readonly LanguageText[]
  readonly lang: string
}

export interface FontPlan {
  readonly css: string
  readonly assets: readonly AssetRef[]
  readonly stacks: FontStacks
  /** Stacks for languages that order the fallbacks otherwise than the deck's language does. */
  readonly langStacks: readonly { readonly lang: string; readonly stacks: FontStacks }[]
  /** Script fallback families included, in the default stack's order. */
  readonly fallbacks: readonly string[]
  /** Characters a fallback script should draw that no available font has, with those scripts in order. */
  readonly uncovered: ReadonlyMap<number, readonly FallbackScript[]>
}

export interface FontStacks {
  readonly body: string
  readonly heading: string
  readonly code: string
}

/** Bundled fonts the plan may need, with the faces wanted of each (so the I/O side reads only those). */
export function bundledFontsNeeded(kit: ThemeKit, deck: DeckTexts | undefined): Map<string, FaceWanted[]> {
  const needed = new Map<string, FaceWanted[]>()
  const add = (name: string, faces: readonly FaceWanted[]): void => void needed.set(name, [...(needed.get(name) ?? []), ...faces])
  for (const role of ['body', 'heading', 'code'] as const) {
    const ref = kit.fonts[role]
    if (ref.kind === 'bundled') add(ref.name, ROLE_FACES[role])
  }
  for (const name of deck ? fallbackFontsWanted(kit, deck.texts) : []) add(name, ROLE_FACES.fallback)
  return needed
}

export function planFonts(kit: ThemeKit, catalog: FontCatalog, deck: DeckTexts | undefined): FontPlan {
  const extra = `${kit.footer} ${kit.logo?.alt ?? ''}`
  const texts = deck && [...deck.texts, { lang: deck.lang, text: extra }]
  const needed = texts && neededCodePoints(texts.map((t) => t.text).join(' '))
  const rules: string[] = []
  const assets = new Map<string, AssetRef>()
  const add = (faces: readonly FontsourceFace[]): void => {
    for (const face of faces) {
      const to = `fonts/${basename(face.file)}`
      assets.set(to, { from: face.file, to })
      rules.push(faceRule(face.family, face.weight, face.style, `url(${to}) format('woff2')`, face.unicodeRange))
    }
  }
  const roles = [['body', kit.fonts.body], ['heading', kit.fonts.heading], ['code', kit.fonts.code]] as const
  // Primary fonts: every subset with Basic Latin (templates add Latin text) or with a character of the deck.
  const wanted = new Map<string, FaceWanted[]>()
  for (const [role, ref] of roles) {
    if (ref.kind !== 'bundled') continue
    wanted.set(ref.name, [...(wanted.get(ref.name) ?? []), ...ROLE_FACES[role]])
  }
  for (const [name, faces] of wanted) {
    add(pickFaces(catalog.get(name) ?? [], faces).filter((f) => !needed || rangesContain(f.ranges, 0x41) || [...needed].some((cp) => rangesContain(f.ranges, cp))))
  }
  const fileFamilies = new Set<string>()
  const addFiles = (ref: FontRef & { kind: 'files' }): void => {
    if (fileFamilies.has(ref.family)) return
    fileFamilies.add(ref.family)
    for (const file of ref.files) {
      const to = themeAssetPath(kit, file.path)
      assets.set(to, { from: file.path, to })
      rules.push(faceRule(ref.family, file.weight, file.style, `url(${to}) format('${fontFormat(file.path)}')`))
    }
  }
  for (const [, ref] of roles) if (ref.kind === 'files') addFiles(ref)
  // Fallbacks: only the characters that one of the role fonts cannot show (code may hold any text).
  const plan = planFallbacks(kit, catalog, texts ?? [], (cp) => roles.every(([, ref]) => covers(ref, catalog, cp)))
  for (const [name, cps] of plan.drawn) add(firstCovering(pickFaces(catalog.get(name) ?? [], ROLE_FACES.fallback), cps))
  for (const refs of plan.used.values()) for (const ref of refs) if (ref.kind === 'files') addFiles(ref)
  const deckLang = primaryLanguage(deck?.lang ?? '')
  const familiesFor = (lang: string): string[] => {
    // Every fallback the deck uses, in this language's order, so text of any language finds them all.
    const order = fallbackOrder(lang)
    const refs = [...new Set([...plan.used.values()].flat())].sort((a, b) => rankIn(kit, order, a) - rankIn(kit, order, b))
    return [...new Set([...refs.flatMap(familiesOf), ...plan.print])]
  }
  const stacksFor = (fallbacks: readonly string[]): FontStacks => {
    const stack = (ref: FontRef): string => [...new Set([...familiesOf(ref), ...fallbacks])].map(quote).concat(genericOf(ref)).join(', ')
    return { body: stack(kit.fonts.body), heading: stack(kit.fonts.heading), code: stack(kit.fonts.code) }
  }
  const fallbacks = familiesFor(deckLang)
  const langStacks = [...plan.used.keys()]
    .filter((lang) => lang !== deckLang && familiesFor(lang).join() !== fallbacks.join())
    .map((lang) => ({ lang, stacks: stacksFor(familiesFor(lang)) }))
  return { css: rules.join('\n'), assets: [...assets.values()], stacks: stacksFor(fallbacks), langStacks, fallbacks, uncovered: plan.uncovered }
}

function rankIn(kit: ThemeKit, order: readonly FallbackScript[], ref: FontRef): number {
  return order.findIndex((s) => kit.fonts.fallback[s] === ref)
}

/** Of each weight and style, the first subset that has each character (subsets may overlap). */
function firstCovering(faces: readonly FontsourceFace[], cps: ReadonlySet<number>): FontsourceFace[] {
  const chosen = new Set<FontsourceFace>()
  for (const cp of cps) {
    const seen = new Set<string>()
    for (const face of faces) {
      const key = `${face.weight}/${face.style}`
      if (seen.has(key) || !rangesContain(face.ranges, cp)) continue
      seen.add(key)
      chosen.add(face)
    }
  }
  return faces.filter((f) => chosen.has(f))
}

/** Faces of the wanted weights and styles; a missing weight takes the nearest one the family has. */
function pickFaces(faces: readonly FontsourceFace[], wanted: readonly FaceWanted[]): FontsourceFace[] {
  const chosen = new Set<string>()
  for (const want of wanted) {
    const weights = [...new Set(faces.filter((f) => f.style === want.style).map((f) => f.weight))]
    if (weights.length === 0) continue
    const nearest = weights.reduce((a, b) => (Math.abs(b - want.weight) < Math.abs(a - want.weight) ? b : a))
    chosen.add(`${nearest}/${want.style}`)
  }
  return faces.filter((f) => chosen.has(`${f.weight}/${f.style}`))
}

function covers(ref: FontRef, catalog: FontCatalog, cp: number): boolean {
  // A font file's coverage is unknown without parsing it; count on Latin only.
  if (ref.kind !== 'bundled') return cp <= 0x24f
  return (catalog.get(ref.name) ?? []).some((f) => rangesContain(f.ranges, cp))
}

function faceRule(family: string, weight: number, style: string, src: string, unicodeRange?: string): string {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : ''
  // `block`: printing waits for fonts anyway, and a swap would flash the fallback on screen.
  return `@font-face {\n  font-family: ${quote(family)};\n  font-style: ${style};\n  font-weight: ${weight};\n  font-display: block;\n  src: ${src};${range}\n}`
}

/** The families a font reference names, in order. */
export const familiesOf = (ref: FontRef): readonly string[] => (ref.kind === 'bundled' ? [ref.name] : ref.kind === 'files' ? [ref.family] : ref.families)
/** The generic CSS family that ends a font reference's stack. */
export function genericOf(ref: FontRef): string {
  if (ref.kind === 'files') return ref.generic
  if (ref.kind === 'system') return ref.key === 'fonts.code' ? 'monospace' : 'sans-serif'
  return BUNDLED_FONTS[ref.name]?.generic ?? 'sans-serif'
}
const quote = (family: string): string => `'${family.replace(/['\\]/g, '\\$&')}'`
const basename = (file: string): string => file.split(/[\\/]/).pop()!

function fontFormat(file: string): string {
  const ext = extname(file).toLowerCase()
  return ext === '.woff2' ? 'woff2' : ext === '.woff' ? 'woff' : ext === '.otf' ? 'opentype' : 'truetype'
}
