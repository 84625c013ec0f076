// I/O: the preview's build. Same stages and checks as buildDeck, but it keeps what did not
// change between saves (templates, theme, parsed chapters) and rewrites only changed files.
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import createDebug from 'debug'
import { findDeck, THEME_PRINT_CSS, type BuildOptions, type BuiltDeck } from '../build/build-deck.js'
import { parseChapter } from '../content/parse-chapter.js'
import { readChapterFiles, readDeckConfig } from '../content/read-chapters.js'
import { error, throwIfErrors, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { Chapter, ThemeStyle } from '../model.js'
import { writeOutputFolder, type OutputFiles } from '../output/write-deck.js'
import { deckLookupDirs, type Project } from '../project/find-project.js'
import { checkTemplates } from '../render/check-templates.js'
import { loadTemplates, type TemplateSet } from '../render/load-templates.js'
import { renderDeck, THEME_CSS } from '../render/render-deck.js'
import { HELPER_NAMES } from '../render/template-helpers.js'
import { buildSlides } from '../slides/build-slides.js'
import type { AssetRequest } from '../slides/resolve-links.js'
import { detectScripts } from '../theme/detect-scripts.js'
import { loadTheme } from '../theme/load-theme.js'
import { signOutput, writeChangedFiles, type WriteStats, type WrittenState } from './write-changed-files.js'

const debug = createDebug('deck:serve')

export interface Rebuilt {
  readonly result: StageResult<BuiltDeck>
  readonly stats: WriteStats & { readonly reused: readonly string[] }
}

export interface DeckBuilder {
  /** Rebuilds after `changed` files changed ('all' forgets every cache). Throws like buildDeck. */
  build(changed: readonly string[] | 'all'): Promise<Rebuilt>
}

interface Cached<T> {
  readonly key: string
  readonly value: T
}

/** A builder that remembers its last inputs; the first build writes the whole folder atomically. */
export function createDeckBuilder(project: Project, deckName: string, options: BuildOptions = {}): DeckBuilder {
  const ref = findDeck(project, deckName)
  const templateDirs = deckLookupDirs(project, ref.dir, 'templates')
  const themeDirs = deckLookupDirs(project, ref.dir, 'themes')
  const outDir = path.join(path.resolve(options.outDir ?? project.outDir), ref.name)
  let templates: TemplateSet | undefined
  let theme: Cached<StageResult<ThemeStyle>> | undefined
  const chapters = new Map<string, Cached<StageResult<Chapter>>>()
  const written: WrittenState = new Map()
  const folder = { id: '' }

  function forget(changed: readonly string[] | 'all'): void {
    const under = (dirs: readonly string[]): boolean => changed === 'all' || changed.some((f) => dirs.some((d) => f === d || f.startsWith(d + path.sep)))
    if (under(templateDirs)) templates = undefined
    if (under(themeDirs)) theme = undefined
  }

  return {
    async build(changed) {
      forget(changed)
      const reused: string[] = []
      const diagnostics: Diagnostic[] = []
      const keep = <T>(result: StageResult<T>): T => {
        diagnostics.push(...result.diagnostics)
        return result.value
      }
      const overrides = { ...(options.theme && { theme: options.theme }), ...(options.paper && { paper: options.paper }), ...(options.handouts && { handouts: [...options.handouts] }) }
      const config = keep(await readDeckConfig(ref.dir, overrides))
      throwIfErrors(diagnostics)

      if (templates) reused.push('templates')
      else {
        const loaded = await loadTemplates(templateDirs)
        throwIfErrors(checkTemplates(loaded, HELPER_NAMES))
        templates = loaded
      }
      const files = await readChapterFiles(ref.dir, config)
      const parsed = files.map((f) => {
        const hit = chapters.get(f.file)
        if (hit?.key === f.text) {
          reused.push(path.basename(f.file))
          return keep(hit.value)
        }
        const fresh = parseChapter(f.file, f.text)
        chapters.set(f.file, { key: f.text, value: fresh })
        return keep(fresh)
      })
      const built = keep(buildSlides({ deck: config, deckDir: ref.dir, chapters: parsed }))
      const deckText = files.map((f) => f.text).join('\n')
      // The theme depends on the text only through the scripts it needs fallback fonts for.
      const themeKey = `${config.theme}\n${detectScripts(deckText).join(',')}`
      if (theme?.key === themeKey) reused.push('theme')
      else theme = { key: themeKey, value: await loadTheme(config.theme, themeDirs, { deckText }) }
      const style = keep(theme.value)
      diagnostics.push(...(await missingAssets(built.assets)))
      throwIfErrors(diagnostics)

      const html = keep(renderDeck({ deck: config, slides: built.slides, templates, theme: style, deckName: ref.name, chapters: built.chapters }))
      const output: OutputFiles = {
        files: { 'index.html': html.html, ...html.files, [THEME_CSS]: style.css, [THEME_PRINT_CSS]: style.printCss },
        assets: [...html.assets, ...style.assets, ...built.assets.map(({ from, to }) => ({ from, to }))],
      }
      const stats = await writeOutput(outDir, output, written, folder)
      debug('rebuilt %s: wrote %d, kept %d, reused %o', ref.name, stats.written, stats.unchanged, reused)
      const inputs = [config.file, ...files.map((f) => f.file), ...built.assets.map((a) => a.from)]
      const value: BuiltDeck = { project, name: ref.name, deckDir: ref.dir, outDir, config, chapters: built.chapters, slides: built.slides, html, theme: style, templates, inputs }
      return { result: { value, diagnostics }, stats: { ...stats, reused } }
    },
  }
}

/**
 * The first write replaces the folder whole (no stale files); later ones touch only changes,
 * unless the folder was replaced or removed meanwhile (a `deckhand build` run beside the preview).
 */
async function writeOutput(outDir: string, output: OutputFiles, written: WrittenState, folder: { id: string }): Promise<WriteStats> {
  if (written.size > 0 && (await folderId(outDir)) === folder.id) return writeChangedFiles(outDir, output, written)
  written.clear()
  await writeOutputFolder(outDir, output)
  for (const [k, v] of await signOutput(output)) written.set(k, v)
  folder.id = await folderId(outDir)
  return { written: written.size, unchanged: 0, removed: 0 }
}

async function folderId(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => undefined)
  return info ? `${info.dev}:${info.ino}` : ''
}

/** As in buildDeck: every referenced local file must exist, else an error at the line naming it. */
async function missingAssets(assets: readonly AssetRequest[]): Promise<Diagnostic[]> {
  const checks = await Promise.all(
    assets.map(async (asset) => {
      try {
        await access(asset.from)
        return null
      } catch {
        return error('image-not-found', `Image not found: ${asset.from}`, asset.span, 'Paths are relative to the chapter file.')
      }
    }),
  )
  return checks.filter((d): d is Diagnostic => d !== null)
}
