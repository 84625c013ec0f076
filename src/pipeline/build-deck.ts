// I/O orchestration of one deck's build: read, check everything, render, then write atomically.
import path from 'node:path'
import createDebug from 'debug'
import { DeckError, error, rethrowWithVia, throwIfErrors, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import { applyChapterSettings } from '../content/dialects/deck-settings.js'
import { parseChapterWithImports } from '../content/read-chapter-imports.js'
import { readChapterFiles, readDeckConfig } from '../content/read-chapters.js'
import type { Chapter, DeckConfig, HandoutLayout, Paper, ThemeStyle } from '../model.js'
import type { BuiltDeck } from './built-deck.js'
import { checkOutputRoot, protectedFolders } from '../output/guard-output.js'
import { writeOutputFolder, type OutputFiles } from '../output/write-deck.js'
import { deckLookupDirs, type DeckRef, type Project } from '../project/find-project.js'
import { confineRead, deckReadRoots, type ReadRoots } from '../project/read-roots.js'
import { readFileDeckConfig } from '../project/single-file-project.js'
import { checkTemplates } from '../render/check-templates.js'
import { loadTemplates, type TemplateSet } from '../render/load-templates.js'
import { renderDeck, THEME_CSS } from '../render/render-deck.js'
import { HELPER_NAMES } from '../render/template-helpers.js'
import { buildSlides } from '../slides/build-slides.js'
import { checkAssets } from './check-assets.js'
import { loadEmojiTable, mayHaveShortcodes, replaceShortcodes } from '../emoji/emoji-shortcodes.js'
import { finishRichContent, MATH_CSS } from './finish-rich-content.js'
import type { LanguageText } from '../slides/detect-language.js'
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
  /** Drawn diagrams by cache key (source and theme fonts). */
  readonly diagrams: Map<string, string>
  reused: string[]
}

export function createBuildCache(): BuildCache {
  return { chapters: new Map(), diagrams: new Map(), reused: [] }
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

/** Builds `dist/<deck>/`. Throws DeckError/DeckErrors before writing anything when the input has errors. */
export async function buildDeck(project: Project, deckName: string, options: BuildOptions = {}): Promise<StageResult<BuiltDeck>> {
  const ref = findDeck(project, deckName)
  const diagnostics: Diagnostic[] = []
  const keep = <T>(result: StageResult<T>): T => {
    diagnostics.push(...result.diagnostics)
    return result.value
  }
  const overrides = { ...(options.theme && { theme: options.theme }), ...(options.paper && { paper: options.paper }), ...(options.handouts && { handouts: [...options.handouts] }) }
  const deckYml = keep(await (ref.file ? readFileDeckConfig(ref.file, overrides) : readDeckConfig(ref.dir, overrides)))
  throwIfErrors(diagnostics)

  // Without a cache from the caller nothing is reused, so no cache keys are worth computing.
  const cache = options.cache ?? createBuildCache()
  const reuse = options.cache !== undefined
  cache.reused = []
  const roots = await deckReadRoots(project, ref.dir)
  const templates = await loadCheckedTemplates(project, ref, roots, cache)
  const files = await readChapterFiles(ref.dir, deckYml, undefined, roots)
  const chapters: Chapter[] = []
  for (const f of files) chapters.push(keep(await parseCachedChapter(f, ref, cache)))
  const written = applyChapterSettings(deckYml, chapters, options.theme !== undefined)
  // The shortcode table loads only for text that may use it; the theme sees the emoji it makes.
  const emoji = files.some((f) => mayHaveShortcodes(f.text)) ? await loadEmojiTable() : undefined
  const built = keep(buildSlides({ deck: written, deckDir: ref.dir, chapters, ...(emoji && { emoji }) }))
  const config: DeckConfig = { ...written, lang: built.lang }
  const texts = emoji ? built.texts.map((t) => ({ ...t, text: replaceShortcodes(t.text, emoji) })) : built.texts
  const theme = keep(await loadDeckTheme(project, ref, config, texts, roots, reuse ? cache : undefined))
  const images = keep(await checkAssets(built.assets, roots))
  throwIfErrors(diagnostics)
  const rich = keep(await finishRichContent(built, { theme, diagramMemory: cache.diagrams }))
  throwIfErrors(diagnostics)

  const extraStylesheets = MATH_CSS in rich.files ? [MATH_CSS] : []
  const html = keep(renderDeck({ deck: config, slides: rich.slides, templates, theme, deckName: ref.name, chapters: built.chapters, extraStylesheets }))
  const outRoot = path.resolve(options.outDir ?? project.outDir)
  const outDir = path.join(outRoot, ref.name)
  // A lone file's output goes beside it, in its folder: the deck's own folder is what is judged then.
  await checkOutputRoot(ref.file ? outDir : outRoot, protectedFolders(project))
  const output: OutputFiles = {
    files: { 'index.html': html.html, ...html.files, ...rich.files, [THEME_CSS]: theme.css },
    assets: [...html.assets, ...theme.assets, ...rich.assets, ...images],
  }
  await (options.write ?? writeOutputFolder)(outDir, output)
  debug('wrote %s (%d slides)', outDir, built.slides.length)
  const inputs = [config.file, ...files.map((f) => f.file), ...chapters.flatMap((c) => c.imports), ...images.map((a) => a.from)]
  return {
    value: { name: ref.name, deckDir: ref.dir, outDir, config, chapters: built.chapters, slides: rich.slides, html, theme, templates, output, inputs, drawnDiagrams: rich.drawnDiagrams },
    diagnostics,
  }
}

/** Templates from the deck's, the project's and the built-in folders, all checked before use. */
async function loadCheckedTemplates(project: Project, ref: DeckRef, roots: ReadRoots, cache: BuildCache): Promise<TemplateSet> {
  if (cache.templates) {
    cache.reused.push('templates')
    return cache.templates
  }
  const dirs = deckLookupDirs(project, ref.dir, 'templates')
  debug('template lookup order: %o', dirs)
  const templates = await loadTemplates(dirs)
  // A template file that is a symlink out of the project would be published with the deck (or served with it).
  const files = [templates.shell, ...templates.slides.values(), ...templates.partials.values(), ...templates.handouts.values(), ...templates.serve.values(), ...templates.styles, ...templates.handoutStyles]
  const confined = await Promise.all(files.map((t) => confineRead(t.file, roots, { file: t.file, line: 1 }, 'Template')))
  throwIfErrors(confined.flatMap((c) => (c.ok ? [] : [c.diagnostic])))
  throwIfErrors(checkTemplates(templates, HELPER_NAMES))
  return (cache.templates = templates)
}

async function parseCachedChapter(file: { file: string; text: string }, ref: DeckRef, cache: BuildCache): Promise<StageResult<Chapter>> {
  const hit = cache.chapters.get(file.file)
  // A chapter that imports other files is parsed again: one of them may have changed.
  if (hit?.text === file.text && hit.value.value.imports.length === 0) {
    cache.reused.push(path.basename(file.file))
    return hit.value
  }
  const { result: value } = await parseChapterWithImports(file.file, file.text, ref.dir, { asDeck: ref.file !== undefined })
  cache.chapters.set(file.file, { text: file.text, value })
  return value
}

/** The deck's theme; a theme that isn't found is reported at deck.yml's `theme:` line. */
async function loadDeckTheme(project: Project, ref: DeckRef, config: DeckConfig, texts: readonly LanguageText[], roots: ReadRoots, cache?: BuildCache): Promise<StageResult<ThemeStyle>> {
  // The theme depends on the text only through the font subsets its characters need.
  const key = cache ? `${config.theme}\n${config.lang}\n${texts.map((t) => `${t.lang}:${themeTextKey(t.text)}`).join('\n')}` : ''
  if (cache && cache.theme?.key === key) {
    cache.reused.push('theme')
    return cache.theme.value
  }
  const named = config.spans.theme
  try {
    const value = await loadTheme(config.theme, deckLookupDirs(project, ref.dir, 'themes'), { texts, lang: config.lang, roots })
    if (cache) cache.theme = { key, value }
    return value
  } catch (err) {
    // The deck's own theme not found (or outside the project): at deck.yml's `theme:` line. A
    // problem inside a theme (its extends, a key, a file) is at its theme.yml line, told which
    // `theme:` led there.
    if (err instanceof DeckError && (err.diagnostic.code === 'theme-not-found' || err.diagnostic.code === 'path-outside-project') && !err.diagnostic.span) {
      throw new DeckError({ ...err.diagnostic, span: named ?? { file: config.file, line: 1 } }, { cause: err })
    }
    rethrowWithVia(err, named ? { what: `theme "${config.theme}" in deck.yml`, span: named } : { what: `the theme "${config.theme}" asked for` })
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
