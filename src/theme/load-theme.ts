// I/O: finds a theme, reads its extends chain, checks its files and CSS, and hands back the
// CSS and assets the output folder needs. The work itself is done by the pure modules.
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import createDebug from 'debug'
import { error, throwIfErrors, warning, type Diagnostic, type SourceSpan, type StageResult } from '../diagnostics/diagnostic.js'
import type { AssetRef, ThemeBrand, ThemeStyle } from '../model.js'
import { confineRead, readRoots, type ReadRoots } from '../project/read-roots.js'
import { checkContrast } from './check-contrast.js'
import { checkThemeCss } from './check-theme-css.js'
import { classifyBackground } from './classify-background.js'
import { isFile, readThemeChain } from './find-theme.js'
import { generateThemeCss, type ThemeCssParts } from './generate-theme-css.js'
import { bundledFontsNeeded, familiesOf, genericOf, planFonts, type DeckTexts } from './plan-fonts.js'
import { fontPackageName, isFontInstalled, readFontsourceFaces, type FontsourceFace } from './read-fontsource.js'
import type { FallbackScript } from './theme-schema.js'
import { detectLanguage, type LanguageText } from '../slides/detect-language.js'
import { resolveThemeKit } from './resolve-theme-kit.js'
import { themeAssetPath } from './theme-asset-path.js'
import type { SlideLook, ThemeKit } from './theme-kit.js'

const debug = createDebug('deck:theme')

export interface LoadThemeOptions {
  /** The deck's text by language: decides which script fallback fonts (CJK, Arabic, Hebrew, emoji) are bundled. */
  readonly texts?: readonly LanguageText[]
  /** The deck's language. @defaultValue detected from the text */
  readonly lang?: string
  /** All the deck's text in one language, instead of `texts`. */
  readonly deckText?: string
  /** The folders the theme's files may come from. @defaultValue the theme lookup folders */
  readonly roots?: ReadRoots
  /** Whether a bundled font's package is installed. @defaultValue isFontInstalled (injected in tests) */
  readonly fontInstalled?: (font: string) => boolean
}

/**
 * Loads theme `name` from `dirs` (highest priority first: the deck's themes/, the project's,
 * the built-in ones). Errors throw as DeckError/DeckErrors; warnings come back as diagnostics.
 */
export async function loadTheme(name: string, dirs: readonly string[], options: LoadThemeOptions = {}): Promise<StageResult<ThemeStyle>> {
  const chain = await readThemeChain(name, dirs)
  debug('theme %s: %o', name, chain.map((c) => c.dir))
  const resolved = resolveThemeKit(chain)
  throwIfErrors(resolved.diagnostics)
  const kit = resolved.value!
  const roots = options.roots ?? (await readRoots(dirs, `the theme folders ${dirs.join(', ')}`))
  throwIfErrors(await checkThemeFiles(kit, roots))
  const diagnostics: Diagnostic[] = []
  const parts = await readThemeCss(kit, roots, diagnostics)
  const deck = deckTexts(options)
  const catalog = new Map<string, readonly FontsourceFace[]>()
  const missing = new Set<string>()
  for (const [font, faces] of bundledFontsNeeded(kit, deck)) {
    const role = [kit.fonts.body, kit.fonts.heading, kit.fonts.code].some((ref) => ref.kind === 'bundled' && ref.name === font)
    // A script's font package is optional: without it, the plan leaves its characters to the system.
    if (!role && !(options.fontInstalled ?? isFontInstalled)(font)) missing.add(font)
    else catalog.set(font, await readFontsourceFaces(font, faces))
  }
  const fonts = planFonts(kit, catalog, deck)
  diagnostics.push(...missingFontPackages(kit, fonts.uncovered, missing))
  const { css, printCss } = generateThemeCss(kit, fonts, parts)
  diagnostics.push(...checkContrast(kit))
  const assets = new Map<string, AssetRef>()
  for (const asset of [...fonts.assets, ...kitFiles(kit), ...parts.assets]) assets.set(asset.to, asset)
  const logo = kit.logo && { src: themeAssetPath(kit, kit.logo.path), alt: kit.logo.alt, position: kit.logo.position }
  return {
    value: { name: kit.name, css, printCss, assets: [...assets.values()], logo, footer: kit.footer, width: kit.width, height: kit.height, brand: brandOf(kit) },
    diagnostics,
  }
}

/** The kit as data for outputs that are not CSS; image backgrounds as their output paths. */
function brandOf(kit: ThemeKit): ThemeBrand {
  const look = (l: SlideLook): SlideLook => (classifyBackground(l.background) === 'image' ? { ...l, background: themeAssetPath(kit, l.background) } : l)
  const first = (ref: ThemeKit['fonts']['body']): string => familiesOf(ref)[0] ?? ''
  return {
    colors: kit.colors,
    fonts: { heading: first(kit.fonts.heading), body: first(kit.fonts.body), code: first(kit.fonts.code) },
    fontKinds: { heading: genericOf(kit.fonts.heading), body: genericOf(kit.fonts.body), code: genericOf(kit.fonts.code) },
    titleSlide: look(kit.titleSlide),
    sectionSlide: look(kit.sectionSlide),
    logoHeight: kit.logo?.height ?? 0,
  }
}

function deckTexts(options: LoadThemeOptions): DeckTexts | undefined {
  if (options.texts) return { texts: options.texts, lang: options.lang ?? 'en' }
  if (options.deckText === undefined) return undefined
  const lang = options.lang ?? detectLanguage(options.deckText, 'en')
  return { texts: [{ lang, text: options.deckText }], lang }
}

/** One warning per script font package the deck's text needs and this install lacks, naming the package. */
function missingFontPackages(kit: ThemeKit, uncovered: ReadonlyMap<number, readonly FallbackScript[]>, missing: ReadonlySet<string>): Diagnostic[] {
  const chars = new Map<string, string[]>()
  for (const [cp, scripts] of uncovered) {
    const ref = scripts.map((s) => kit.fonts.fallback[s]).find((r) => r.kind === 'bundled' && missing.has(r.name))
    if (ref?.kind === 'bundled') chars.set(ref.name, [...(chars.get(ref.name) ?? []), String.fromCodePoint(cp)])
  }
  return [...chars].map(([font, list]) => {
    const pkg = fontPackageName(font)
    const sample = list.slice(0, 8).join(' ') + (list.length > 8 ? ' …' : '')
    return warning(
      'font-package-missing',
      `The deck's text (${sample}) needs the font "${font}", and its package ${pkg} is not installed: a system font draws it if there is one, else it prints as empty boxes`,
      undefined,
      `Add it to the project: npm install ${pkg}`,
    )
  })
}

/** The logo and background images, with the key that named each (for messages). */
function kitFileRefs(kit: ThemeKit): { path: string; key: string }[] {
  const refs: { path: string; key: string }[] = []
  if (kit.logo) refs.push({ path: kit.logo.path, key: 'logo.file' })
  const looks = [['titleSlide', kit.titleSlide], ['sectionSlide', kit.sectionSlide], ['print.titleSlide', kit.print.titleSlide], ['print.sectionSlide', kit.print.sectionSlide]] as const
  // Print inherits the slides' backgrounds; each file is named (and reported) once.
  for (const [key, look] of looks) {
    if (classifyBackground(look.background) === 'image' && !refs.some((r) => r.path === look.background)) refs.push({ path: look.background, key: `${key}.background` })
  }
  return refs
}

function kitFiles(kit: ThemeKit): AssetRef[] {
  return kitFileRefs(kit).map((ref) => ({ from: ref.path, to: themeAssetPath(kit, ref.path) }))
}

/** Every file the kit names (fonts, logo, backgrounds) must exist inside the roots: each one that does not is an error at its line. */
async function checkThemeFiles(kit: ThemeKit, roots: ReadRoots): Promise<Diagnostic[]> {
  const fonts = [kit.fonts.body, kit.fonts.heading, kit.fonts.code, ...Object.values(kit.fonts.fallback)]
  const refs = [...kitFileRefs(kit), ...fonts.flatMap((f) => (f.kind === 'files' ? f.files.map((file) => ({ path: file.path, key: file.key })) : []))]
  const missing: Diagnostic[] = []
  for (const ref of refs) {
    const span: SourceSpan = kit.spans[ref.key] ?? { file: kit.file, line: 1 }
    const what = ref.key.startsWith('logo') ? 'Logo' : ref.key.startsWith('fonts') ? 'Font file' : 'Background image'
    const confined = await confineRead(ref.path, roots, span, `${what} ${ref.key}:`)
    if (!confined.ok) {
      missing.push(confined.diagnostic)
      continue
    }
    if (await isFile(ref.path)) continue
    const written = relative(dirname(span.file), ref.path).split(sep).join('/')
    missing.push(error('theme-file-not-found', `${what} named at ${ref.key} not found: ${written}`, span, 'Paths in theme.yml are relative to the theme folder.'))
  }
  return missing
}

/**
 * theme.css (slides) and print.css (handouts) of every theme in the chain, furthest ancestor
 * first. They stay apart: slide CSS on handout pages would also restyle the slide thumbnails.
 */
async function readThemeCss(kit: ThemeKit, roots: ReadRoots, diagnostics: Diagnostic[]): Promise<ThemeCssParts & { assets: AssetRef[] }> {
  const extraCss: { file: string; css: string }[] = []
  const extraPrintCss: { file: string; css: string }[] = []
  const assets: AssetRef[] = []
  for (const { name, dir } of kit.dirs) {
    for (const [fileName, targets] of [['theme.css', [extraCss]], ['print.css', [extraPrintCss]]] as const) {
      const file = join(dir, fileName)
      if (!(await isFile(file))) continue
      throwIfErrors(await refused(file, roots, { file, line: 1 }, 'Theme stylesheet'))
      const checked = checkThemeCss(await readFile(file, 'utf8'), file, dir, `theme/${name}`)
      throwIfErrors(checked.diagnostics)
      diagnostics.push(...checked.diagnostics)
      for (const target of targets) target.push({ file: `themes/${name}/${fileName}`, css: checked.value!.css })
      const outside = await Promise.all(checked.value!.assets.map((asset) => refused(asset.from, roots, { file, line: asset.line }, 'File named in theme CSS')))
      throwIfErrors(outside.flat())
      for (const asset of checked.value!.assets) {
        if (await isFile(asset.from)) assets.push({ from: asset.from, to: asset.to })
        else diagnostics.push(warning('theme-file-not-found', `File named in theme CSS not found: ${relative(dir, asset.from).split(sep).join('/')}`, { file, line: asset.line }))
      }
    }
  }
  return { extraCss, extraPrintCss, assets }
}

async function refused(file: string, roots: ReadRoots, span: SourceSpan, what: string): Promise<Diagnostic[]> {
  const confined = await confineRead(file, roots, span, what)
  return confined.ok ? [] : [confined.diagnostic]
}
