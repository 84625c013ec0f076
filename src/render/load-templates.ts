// I/O: reads templates/**/*.hbs from every template folder; the first folder that has a name wins.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { HANDOUT_LAYOUTS } from '../model.js'
import { precompiledTable, type PrecompiledTemplate } from './precompiled-templates.js'

/** One template's text and the file it came from (for messages). */
export interface TemplateFile {
  readonly source: string
  readonly file: string
  /** Its parse and compiled code from the package build, when the text is a built-in template's. */
  readonly precompiled?: PrecompiledTemplate
}

/** Every template a deck can use, after overrides. Names are file stems. */
export interface TemplateSet {
  /** deck.hbs: the Reveal.js HTML shell. */
  readonly shell: TemplateFile
  readonly slides: ReadonlyMap<string, TemplateFile>
  readonly partials: ReadonlyMap<string, TemplateFile>
  /** templates/handouts/*.hbs: `document`, one per print product, and the pieces they include. */
  readonly handouts: ReadonlyMap<string, TemplateFile>
  /** templates/serve/*.hbs: what the preview server adds to the deck it serves (the print menu). */
  readonly serve: ReadonlyMap<string, TemplateFile>
  /** Every deck.css found, lowest priority first, so a deck's CSS cascades over the built-in. */
  readonly styles: readonly TemplateFile[]
  /** Every handouts/handouts.css found, lowest priority first: print CSS cascades the same way. */
  readonly handoutStyles: readonly TemplateFile[]
  /** The folders looked in, highest priority first, for "not found" messages. */
  readonly searched: readonly string[]
}

const KINDS = ['slides', 'partials', 'handouts', 'serve'] as const

/** Print layouts that are whole documents or products, not pieces to include. */
const PRINT_PAGES: ReadonlySet<string> = new Set(['document', 'slides', ...HANDOUT_LAYOUTS])

/**
 * The partials a print layout may include: every partial a slide may, and the print pieces
 * of templates/handouts/ (cover, bookmarks, slide-frame…), which win by name.
 */
export function printPartials(set: TemplateSet): ReadonlyMap<string, TemplateFile> {
  const pieces = [...set.handouts].filter(([name]) => !PRINT_PAGES.has(name))
  return new Map([...set.partials, ...pieces])
}

/** Loads the templates from `dirs`, highest priority first; missing folders are skipped. */
export async function loadTemplates(dirs: readonly string[]): Promise<TemplateSet> {
  const searched = dirs.map((d) => path.resolve(d))
  const maps = { slides: new Map<string, TemplateFile>(), partials: new Map<string, TemplateFile>(), handouts: new Map<string, TemplateFile>(), serve: new Map<string, TemplateFile>() }
  let shell: TemplateFile | undefined
  const styles: TemplateFile[] = []
  const handoutStyles: TemplateFile[] = []
  for (const dir of searched) {
    for (const kind of KINDS) await addTemplates(maps[kind], path.join(dir, kind))
    shell ??= await withPrecompiled(await readOptional(path.join(dir, 'deck.hbs')))
    const css = await readOptional(path.join(dir, 'deck.css'))
    if (css) styles.unshift(css)
    const printCss = await readOptional(path.join(dir, 'handouts', 'handouts.css'))
    if (printCss) handoutStyles.unshift(printCss)
  }
  if (!shell) {
    throw new DeckError(
      error('template-not-found', 'The deck shell deck.hbs was not found', undefined, `looked in: ${searched.join(', ')}`),
    )
  }
  return { shell, ...maps, styles, handoutStyles, searched }
}

async function addTemplates(into: Map<string, TemplateFile>, dir: string): Promise<void> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort()
  } catch (err) {
    if (isMissing(err)) return
    throw unreadable(dir, err)
  }
  for (const name of names) {
    const stem = name.slice(0, -'.hbs'.length)
    if (into.has(stem)) continue // a higher-priority folder already gave this name
    const file = path.join(dir, name)
    into.set(stem, (await withPrecompiled({ source: await readText(file), file }))!)
  }
}

// Written by scripts/precompile-templates.mjs beside the compiled code (lib/), two levels above every module.
const PRECOMPILED_FILE = new URL('../../lib/precompiled-templates.json', import.meta.url)
let precompiled: Promise<ReadonlyMap<string, PrecompiledTemplate>> | undefined

/** The template with the package's parse and compiled code for its text, if there are any. */
async function withPrecompiled(template: TemplateFile | undefined): Promise<TemplateFile | undefined> {
  if (!template) return undefined
  // Missing (a checkout not yet built) or unreadable, the templates are parsed as they are read.
  precompiled ??= readFile(PRECOMPILED_FILE, 'utf8').then((text) => precompiledTable(JSON.parse(text)), () => new Map())
  const hit = (await precompiled).get(template.source)
  return hit ? { ...template, precompiled: hit } : template
}

async function readOptional(file: string): Promise<TemplateFile | undefined> {
  try {
    return { source: await readFile(file, 'utf8'), file }
  } catch (err) {
    if (isMissing(err)) return undefined
    throw unreadable(file, err)
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    throw unreadable(file, err)
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

function unreadable(file: string, cause: unknown): DeckError {
  return new DeckError(error('file-unreadable', 'Could not read this template', { file, line: 1 }), { cause })
}
