// I/O: the SVG of every diagram a deck has, from the memory cache (a `serve` session), the disk
// cache, or else drawn in one headless page. A deck with no diagram never gets here, so it
// loads no browser code at all. Colours are CSS variables (see mermaid-theme), so only the
// source and the theme's fonts (labels are measured in them) decide what is drawn.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import createDebug from 'debug'
import { DeckError, error, warning, type Diagnostic, type StageResult } from '../diagnostics/diagnostic.js'
import type { ThemeStyle } from '../model.js'
import type { DiagramRequest } from './collect-diagrams.js'
import { diagramCacheDir, readCachedDiagram, writeCachedDiagram } from './diagram-cache.js'
import { fitSvg } from './fit-svg.js'
import { authorColours, mermaidPalette, themeSvg } from './mermaid-theme.js'
import { openDiagramPage, type DiagramPage } from './render-in-browser.js'

const debug = createDebug('deck:diagrams')
const require = createRequire(import.meta.url)
/** Raise when the drawing or its post-processing changes, so old cache entries are not used. */
const RENDER_VERSION = 2

export interface RenderDiagramsInput {
  readonly requests: readonly DiagramRequest[]
  readonly theme: ThemeStyle
  /** Drawn diagrams by cache key, kept across the rebuilds of one `serve`. */
  readonly memory?: Map<string, string>
  /** The disk cache; `null` turns it off. @defaultValue diagramCacheDir() */
  readonly cacheDir?: string | null
  readonly timeoutMs?: number
  readonly env?: Readonly<Record<string, string | undefined>>
}

export interface RenderedDiagrams {
  /** SVG by placeholder key. */
  readonly svg: ReadonlyMap<string, string>
  /** How many were drawn in the browser this time (the rest came from a cache). */
  readonly drawn: number
}

export async function renderDiagrams(input: RenderDiagramsInput): Promise<StageResult<RenderedDiagrams>> {
  const diagnostics: Diagnostic[] = []
  const cacheDir = input.cacheDir === undefined ? diagramCacheDir(input.env) : input.cacheDir
  if (input.requests.length) requireMermaid(input.requests[0]!)
  const material = keyMaterial(input.theme)
  const svg = new Map<string, string>()
  const missing = new Map<string, { request: DiagramRequest; cacheKey: string }>()
  for (const request of input.requests) {
    if (svg.has(request.key) || missing.has(request.key)) continue
    const cacheKey = createHash('sha256').update(material).update(request.source).digest('hex').slice(0, 32)
    const hit = input.memory?.get(cacheKey) ?? (cacheDir ? await readCachedDiagram(cacheDir, cacheKey) : undefined)
    if (hit !== undefined) {
      input.memory?.set(cacheKey, hit)
      svg.set(request.key, hit)
    } else missing.set(request.key, { request, cacheKey })
  }
  debug('%d diagrams, %d from cache', svg.size + missing.size, svg.size)
  if (missing.size === 0) return { value: { svg, drawn: 0 }, diagnostics }

  const page = await openPage(input, [...missing.values()][0]!.request)
  try {
    const palette = mermaidPalette(page.colourVariables)
    for (const { request, cacheKey } of missing.values()) {
      const drawn = await draw(page, request, cacheKey, palette.variables)
      if ('error' in drawn) {
        diagnostics.push(drawn.error)
        continue
      }
      const themed = fitSvg(themeSvg(drawn.svg, palette, authorColours(request.source)))
      svg.set(request.key, themed)
      input.memory?.set(cacheKey, themed)
      if (cacheDir) await writeCachedDiagram(cacheDir, cacheKey, themed)
    }
    for (const problem of new Set(page.problems)) {
      diagnostics.push(warning(problem.startsWith('blocked') ? 'request-blocked' : 'diagram-failed', `While drawing diagrams: ${problem}`, input.requests[0]?.span))
    }
  } finally {
    await page.close()
  }
  return { value: { svg, drawn: missing.size }, diagnostics }
}

/** The drawing page; without a browser, the error names the first diagram that needs one. */
async function openPage(input: RenderDiagramsInput, first: DiagramRequest): Promise<DiagramPage> {
  try {
    return await openDiagramPage({ themeCss: input.theme.css, files: new Map(input.theme.assets.map((a) => [a.to, a.from])), timeoutMs: input.timeoutMs ?? 60_000, ...(input.env && { env: input.env }) })
  } catch (cause) {
    if (!(cause instanceof DeckError)) throw cause
    const { diagnostic } = cause
    throw new DeckError({ ...diagnostic, message: `Diagrams are drawn in Chrome or Chromium: ${diagnostic.message}`, span: first.span }, { cause })
  }
}

async function draw(page: DiagramPage, request: DiagramRequest, cacheKey: string, variables: Readonly<Record<string, string>>): Promise<{ svg: string } | { error: Diagnostic }> {
  const result = await page.draw(request.source, `dh-${cacheKey.slice(0, 12)}`, variables)
  if ('svg' in result) return result
  // Mermaid's line is 1-based inside the fence, whose first line follows the opening fence.
  const line = request.span.line + (result.line ?? 1)
  const message = result.error.split('\n').filter((l) => l.trim() && !/^-*\^$/.test(l.trim())).join(' ').replace(/\s+/g, ' ')
  return { error: error('diagram-syntax', `Diagram does not parse: ${message}`, { file: request.span.file, line }, 'Mermaid reads the diagram; see https://mermaid.js.org/intro/syntax-reference.html.') }
}

/** Mermaid is an optional package (it is most of an install's size): a deck with diagrams asks for it by name. */
export function requireMermaid(first: DiagramRequest, resolve: (id: string) => string = require.resolve): void {
  try {
    resolve('mermaid/package.json')
  } catch (cause) {
    throw new DeckError(error('diagram-package-missing', 'Diagrams are drawn by Mermaid, which is not installed', first.span, 'Run npm install mermaid (in the project, or beside deckhand).'), { cause })
  }
}

/** What the drawing depends on besides the source: deckhand's way of drawing, Mermaid's version, the fonts. */
function keyMaterial(theme: ThemeStyle): string {
  const mermaidVersion = (require('mermaid/package.json') as { version: string }).version
  // Families and faces, not the Unicode subsets picked for the deck's text: a new accented letter
  // elsewhere in the deck must not draw every diagram again.
  const faces = new Set<string>()
  for (const [rule] of theme.css.matchAll(/@font-face\s*\{[^}]*\}/g)) faces.add(['font-family', 'font-weight', 'font-style'].map((p) => new RegExp(`${p}:([^;]*);`).exec(rule)?.[1]?.trim()).join('/'))
  const fonts = [/--dh-font-body:[^;]*;/.exec(theme.css)?.[0] ?? '', ...[...faces].sort()].join('\n')
  return `${RENDER_VERSION}\n${mermaidVersion}\n${fonts}\n`
}
