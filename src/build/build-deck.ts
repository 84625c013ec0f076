// I/O orchestration of one deck's build: read, check everything, render, then write atomically.
import { access } from 'node:fs/promises'
import path from 'node:path'
import createDebug from 'debug'
import { DeckError, error, throwIfErrors, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { parseChapter } from '../content/parse-chapter.js'
import { readChapterFiles, readDeckConfig } from '../content/read-chapters.js'
import type { Chapter, ChapterRef, DeckConfig, DeckHtml, HandoutLayout, Paper, Slide, ThemeStyle } from '../model.js'
import { writeOutputFolder, type OutputFiles } from '../output/write-deck.js'
import { deckLookupDirs, type DeckRef, type Project } from '../project/find-project.js'
import { checkTemplates } from '../render/check-templates.js'
import { loadTemplates, type TemplateSet } from '../render/load-templates.js'
import { renderDeck, THEME_CSS } from '../render/render-deck.js'
import { HELPER_NAMES } from '../render/template-helpers.js'
import { buildSlides } from '../slides/build-slides.js'
import type { LanguageText } from '../slides/detect-language.js'
import type { AssetRequest } from '../slides/resolve-links.js'
import { themeTextKey } from '../theme/detect-scripts.js'
import { loadTheme } from '../theme/load-theme.js'

const debug = createDebug('deck:build')

export interface BuildOptions {
  /** Folder that receives `<deck>/`. @defaultValue the project's out folder (dist/) */
  readonly outDir?: string
  /** Overrides deck.yml's theme for this build. */
  readonly theme?: string
  readonly paper?: Paper
  readonly handouts?: readonly HandoutLayout[]
  /** Keeps what did not change between builds of one deck (the preview passes one). */
  readonly cache?: BuildCache
  /** Writes the output folder. @defaultValue writeOutputFolder (temporary folder, renamed into place) */
  readonly write?: (outDir: string, output: OutputFiles) => Promise<void>
}

/**
 * What one deck's builds can share: templates and theme until their folders change, each
 * chapter's parse while its text is the same. `reused` names what the last build took from it.
 */
export interface BuildCache {
  templates?: TemplateSet
  theme?: { readonly key: string; readonly value: StageResult<ThemeStyle> }
  readonly chapters: Map<string, { readonly text: string; readonly value: StageResult<Chapter> }>
  reused: string[]
}

export function createBuildCache(): BuildCache {
  return { chapters: new Map(), reused: [] }
}

/** Drops the cached templates or theme when a file under their lookup folders changed. */
export function forgetChanged(cache: BuildCache, project: Project, deckName: string, changed: readonly string[] | 'all'): void {
  const ref = findDeck(project, deckName)
  const under = (kind: 'templates' | 'themes'): boolean =>
    changed === 'all' || changed.some((f) => deckLookupDirs(project, ref.dir, kind).some((d) => f === d || f.startsWith(d + path.sep)))
  if (under('templates')) delete cache.templates
  if (under('themes')) delete cache.theme
  if (changed === 'all') cache.chapters.clear()
}

export interface BuiltDeck {
  readonly project: Project
  readonly name: string
  readonly deckDir: string
  /** The deck's output folder (`dist/<deck>`). */
  readonly outDir: string
  readonly config: DeckConfig
  readonly chapters: readonly ChapterRef[]
  readonly slides: readonly Slide[]
  readonly html: DeckHtml
  readonly theme: ThemeStyle
  readonly templates: TemplateSet
  /** Every file the build read, for watchers. */
  readonly inputs: readonly string[]
}

export const THEME_PRINT_CSS = 'theme-print.css'

/** Builds `dist/<deck>/`. Throws DeckError/DeckErrors before writing anything when the input has errors. */
export async function buildDeck(project: Project, deckName: string, options: BuildOptions = {}): Promise<StageResult<BuiltDeck>> {
  const ref = findDeck(project, deckName)
  const diagnostics: Diagnostic[] = []
  const keep = <T>(result: StageResult<T>): T => {
    diagnostics.push(...result.diagnostics)
    return result.value
  }
  const overrides = { ...(options.theme && { theme: options.theme }), ...(options.paper && { paper: options.paper }), ...(options.handouts && { handouts: [...options.handouts] }) }
  const written = keep(await readDeckConfig(ref.dir, overrides))
  throwIfErrors(diagnostics)

  // Without a cache from the caller nothing is reused, so no cache keys are worth computing.
  const cache = options.cache ?? createBuildCache()
  const reuse = options.cache !== undefined
  cache.reused = []
  const templates = await loadCheckedTemplates(project, ref, cache)
  const files = await readChapterFiles(ref.dir, written)
  const chapters: Chapter[] = files.map((f) => keep(parseCachedChapter(f, cache)))
  const built = keep(buildSlides({ deck: written, deckDir: ref.dir, chapters }))
  const config: DeckConfig = { ...written, lang: built.lang }
  const theme = keep(await loadDeckTheme(project, ref, config, built.texts, reuse ? cache : undefined))
  diagnostics.push(...(await missingAssets(built.assets)))
  throwIfErrors(diagnostics)

  const html = keep(renderDeck({ deck: config, slides: built.slides, templates, theme, deckName: ref.name, chapters: built.chapters }))
  const outDir = path.join(path.resolve(options.outDir ?? project.outDir), ref.name)
  await (options.write ?? writeOutputFolder)(outDir, {
    files: { 'index.html': html.html, ...html.files, [THEME_CSS]: theme.css, [THEME_PRINT_CSS]: theme.printCss },
    assets: [...html.assets, ...theme.assets, ...built.assets.map(({ from, to }) => ({ from, to }))],
  })
  debug('wrote %s (%d slides)', outDir, built.slides.length)
  const inputs = [config.file, ...files.map((f) => f.file), ...built.assets.map((a) => a.from)]
  return {
    value: { project, name: ref.name, deckDir: ref.dir, outDir, config, chapters: built.chapters, slides: built.slides, html, theme, templates, inputs },
    diagnostics,
  }
}

/** Templates from the deck's, the project's and the built-in folders, all checked before use. */
async function loadCheckedTemplates(project: Project, ref: DeckRef, cache: BuildCache): Promise<TemplateSet> {
  if (cache.templates) {
    cache.reused.push('templates')
    return cache.templates
  }
  const dirs = deckLookupDirs(project, ref.dir, 'templates')
  debug('template lookup order: %o', dirs)
  const templates = await loadTemplates(dirs)
  throwIfErrors(checkTemplates(templates, HELPER_NAMES))
  return (cache.templates = templates)
}

function parseCachedChapter(file: { file: string; text: string }, cache: BuildCache): StageResult<Chapter> {
  const hit = cache.chapters.get(file.file)
  if (hit?.text === file.text) {
    cache.reused.push(path.basename(file.file))
    return hit.value
  }
  const value = parseChapter(file.file, file.text)
  cache.chapters.set(file.file, { text: file.text, value })
  return value
}

/** The deck's theme; a theme that isn't found is reported at deck.yml's `theme:` line. */
async function loadDeckTheme(project: Project, ref: DeckRef, config: DeckConfig, texts: readonly LanguageText[], cache?: BuildCache): Promise<StageResult<ThemeStyle>> {
  // The theme depends on the text only through the font subsets its characters need.
  const key = cache ? `${config.theme}\n${config.lang}\n${texts.map((t) => `${t.lang}:${themeTextKey(t.text)}`).join('\n')}` : ''
  if (cache && cache.theme?.key === key) {
    cache.reused.push('theme')
    return cache.theme.value
  }
  try {
    const value = await loadTheme(config.theme, deckLookupDirs(project, ref.dir, 'themes'), { texts, lang: config.lang })
    if (cache) cache.theme = { key, value }
    return value
  } catch (err) {
    if (err instanceof DeckError && err.diagnostic.code === 'theme-not-found' && !err.diagnostic.span) {
      const span = config.spans.theme ?? { file: config.file, line: 1 }
      throw new DeckError({ ...err.diagnostic, span }, { cause: err })
    }
    throw err
  }
}

export function findDeck(project: Project, name: string): DeckRef {
  const ref = project.decks.find((d) => d.name === name)
  if (ref) return ref
  const known = project.decks.map((d) => d.name)
  throw new DeckError(
    error('deck-not-found', `No deck "${name}" in ${project.contentDir}`, undefined, known.length ? `Decks here: ${known.join(', ')}` : `Create one with \`deckhand new ${name}\`.`),
  )
}

/** Every referenced local file must exist; each missing one is an error at the line that names it. */
async function missingAssets(assets: readonly AssetRequest[]): Promise<Diagnostic[]> {
  const checks = await Promise.all(
    assets.map(async (asset) => {
      try {
        await access(asset.from)
        return null
      } catch {
        const what = /\.(mp4|webm|ogv|mov|mp3|m4a|ogg|oga|wav|flac|vtt)$/i.test(asset.from) ? 'Media file' : 'Image'
        return error('image-not-found', `${what} not found: ${asset.from}`, asset.span, 'Paths are relative to the chapter file.')
      }
    }),
  )
  return checks.filter((d): d is Diagnostic => d !== null)
}
