// Pure: which @font-face rules and font files a deck needs. Bundled fonts bring only the
// weights a role uses; script fallbacks (CJK, Arabic, Hebrew, emoji) come in only for the
// characters the deck's text has that the theme's own fonts lack, one Unicode-range subset
// at a time — a CJK font is 50-80 MB whole, a few hundred KB for one deck's characters.
import { extname } from 'node:path'
import type { AssetRef } from '../model.js'
import { BUNDLED_FONTS, ROLE_FACES, type FaceWanted } from './bundled-fonts.js'
import { detectScripts, neededCodePoints, rangesContain } from './detect-scripts.js'
import type { FontsourceFace } from './read-fontsource.js'
import { themeAssetPath } from './theme-asset-path.js'
import type { FontRef, ThemeKit } from './theme-kit.js'

export type FontCatalog = ReadonlyMap<string, readonly FontsourceFace[]>

export interface FontPlan {
  readonly css: string
  readonly assets: readonly AssetRef[]
  readonly stacks: { readonly body: string; readonly heading: string; readonly code: string }
  /** Script fallback families included, in stack order. */
  readonly fallbacks: readonly string[]
}

/** Bundled fonts the plan needs, with the faces wanted of each (so the I/O side reads only those). */
export function bundledFontsNeeded(kit: ThemeKit, deckText: string | undefined): Map<string, FaceWanted[]> {
  const needed = new Map<string, FaceWanted[]>()
  const add = (ref: FontRef, faces: readonly FaceWanted[]): void => {
    if (ref.kind === 'bundled') needed.set(ref.name, [...(needed.get(ref.name) ?? []), ...faces])
  }
  add(kit.fonts.body, ROLE_FACES.body)
  add(kit.fonts.heading, ROLE_FACES.heading)
  add(kit.fonts.code, ROLE_FACES.code)
  for (const script of deckText === undefined ? [] : detectScripts(deckText)) add(kit.fonts.fallback[script], ROLE_FACES.fallback)
  return needed
}

export function planFonts(kit: ThemeKit, catalog: FontCatalog, deckText: string | undefined): FontPlan {
  const needed = deckText === undefined ? undefined : neededCodePoints(`${deckText} ${kit.footer} ${kit.logo?.alt ?? ''}`)
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
  for (const [, ref] of roles) {
    if (ref.kind !== 'files' || fileFamilies.has(ref.family)) continue
    fileFamilies.add(ref.family)
    for (const file of ref.files) {
      const to = themeAssetPath(kit, file.path)
      assets.set(to, { from: file.path, to })
      rules.push(faceRule(ref.family, file.weight, file.style, `url(${to}) format('${fontFormat(file.path)}')`))
    }
  }
  // Fallbacks: only the characters that one of the role fonts cannot show (code may hold any text).
  const uncovered = [...(needed ?? [])].filter((cp) => roles.some(([, ref]) => !covers(ref, catalog, cp)))
  const fallbacks: string[] = []
  for (const script of needed ? detectScripts(deckText ?? '') : []) {
    const ref = kit.fonts.fallback[script]
    if (ref.kind === 'system') {
      fallbacks.push(...ref.families.filter((f) => !fallbacks.includes(f)))
      continue
    }
    if (ref.kind === 'files') {
      fallbacks.push(ref.family)
      for (const file of ref.files) {
        const to = themeAssetPath(kit, file.path)
        assets.set(to, { from: file.path, to })
        rules.push(faceRule(ref.family, file.weight, file.style, `url(${to}) format('${fontFormat(file.path)}')`))
      }
      continue
    }
    const faces = pickFaces(catalog.get(ref.name) ?? [], ROLE_FACES.fallback).filter((f) => uncovered.some((cp) => rangesContain(f.ranges, cp)))
    if (faces.length === 0 || fallbacks.includes(ref.name)) continue
    fallbacks.push(ref.name)
    add(faces)
  }
  const stack = (ref: FontRef): string => [...familiesOf(ref), ...fallbacks].map(quote).concat(genericOf(ref)).join(', ')
  return { css: rules.join('\n'), assets: [...assets.values()], stacks: { body: stack(kit.fonts.body), heading: stack(kit.fonts.heading), code: stack(kit.fonts.code) }, fallbacks }
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
