// I/O: draws Mermaid diagrams in a headless page of the Chromium deckhand prints with. The page
// is served from memory under an origin that never resolves; it gets Mermaid's own build and the
// theme's fonts (so labels are measured in the fonts the deck shows), and every other request
// is refused and reported. The browser comes from the one place deckhand finds and starts it.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import createDebug from 'debug'
import type { HTTPRequest } from 'puppeteer-core'
import { launchBrowser } from '../browser/launch-browser.js'
import type { BrowserHandle } from '../browser/open-browser.js'

const debug = createDebug('deck:diagrams')
const require = createRequire(import.meta.url)
const ORIGIN = 'http://deckhand-diagrams.invalid'

export interface DiagramPageOptions {
  /** The theme's CSS (variables and @font-face rules with paths relative to the output folder). */
  readonly themeCss: string
  /** Output path -> file on disk, for the fonts the theme CSS names. */
  readonly files: ReadonlyMap<string, string>
  readonly timeoutMs: number
  readonly env?: Readonly<Record<string, string | undefined>>
}

export type DrawResult = { readonly svg: string } | { readonly error: string; readonly line?: number }

export interface DiagramPage {
  /** Names of Mermaid's colour theme variables (base theme). */
  readonly colourVariables: readonly string[]
  /** The body font stack the theme sets, as Mermaid is told to measure with it. */
  readonly fontFamily: string
  draw(source: string, id: string, themeVariables: Readonly<Record<string, string>>): Promise<DrawResult>
  /** Requests the page tried outside its own files, and script errors it logged. */
  readonly problems: string[]
  close(): Promise<void>
}

const PAGE = (themeCss: string): string => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>${themeCss.replace(/<\/style/gi, '<\\/style')}</style>
<style>body { margin: 0; font-family: var(--dh-font-body); }</style>
<script type="module">import mermaid from '/mermaid/mermaid.esm.min.mjs'; window.mermaid = mermaid; window.dhReady = true</script>
</head><body></body></html>`

/** Starts Chromium and opens the drawing page; always `close()` it. */
export async function openDiagramPage(options: DiagramPageOptions): Promise<DiagramPage> {
  const handle = await launchBrowser({ timeoutMs: options.timeoutMs, ...(options.env && { env: options.env }) })
  try {
    return await preparePage(handle, options)
  } catch (err) {
    await handle.close()
    throw err
  }
}

async function preparePage(handle: BrowserHandle, options: DiagramPageOptions): Promise<DiagramPage> {
  const page = await handle.browser.newPage()
  page.setDefaultTimeout(options.timeoutMs)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`script error: ${(err as Error).message ?? err}`))
  await page.setRequestInterception(true)
  const mermaidDir = path.dirname(require.resolve('mermaid/package.json'))
  page.on('request', (request) => void answer(request, options, mermaidDir, problems))
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' })
  await page.waitForFunction(() => (window as unknown as { dhReady?: boolean }).dhReady === true)
  const { fontFamily, colourVariables } = await page.evaluate(pageSetup)
  debug('diagram page ready (font %s)', fontFamily)
  return {
    colourVariables,
    fontFamily,
    problems,
    draw: (source, id, themeVariables) => page.evaluate(drawInPage, source, id, themeVariables, fontFamily),
    close: () => handle.close(),
  }
}

async function answer(request: HTTPRequest, options: DiagramPageOptions, mermaidDir: string, problems: string[]): Promise<void> {
  const url = request.url()
  if (!url.startsWith(`${ORIGIN}/`)) {
    if (!url.startsWith('data:')) problems.push(`blocked a request to ${url}`)
    return request.abort('blockedbyclient')
  }
  const pathname = decodeURIComponent(new URL(url).pathname)
  try {
    if (pathname === '/') return await request.respond({ contentType: 'text/html', body: PAGE(options.themeCss) })
    if (pathname.startsWith('/mermaid/') && !pathname.includes('..')) {
      return await request.respond({ contentType: 'text/javascript', body: await readFile(path.join(mermaidDir, 'dist', pathname.slice('/mermaid/'.length))) })
    }
    const file = options.files.get(pathname.slice(1))
    if (file) return await request.respond({ contentType: fontType(file), body: await readFile(file) })
  } catch (err) {
    problems.push(`could not serve ${pathname}: ${(err as Error).message}`)
  }
  return request.abort('blockedbyclient')
}

function fontType(file: string): string {
  const ext = path.extname(file).toLowerCase()
  return ext === '.woff2' ? 'font/woff2' : ext === '.woff' ? 'font/woff' : ext === '.otf' ? 'font/otf' : 'font/ttf'
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void
  mermaidAPI: { getConfig(): { themeVariables: Record<string, unknown> } }
  parse(source: string): Promise<unknown>
  render(id: string, source: string): Promise<{ svg: string }>
}

/** In the page: the body font (loaded, so Mermaid measures with it) and Mermaid's colour variables. */
async function pageSetup(): Promise<{ fontFamily: string; colourVariables: string[] }> {
  const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid
  const fontFamily = getComputedStyle(document.body).fontFamily
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${fontFamily}`).catch(() => [])))
  mermaid.initialize({ startOnLoad: false, theme: 'base' })
  const variables = mermaid.mermaidAPI.getConfig().themeVariables
  const colourVariables = Object.keys(variables).filter((key) => {
    const value = variables[key]
    return typeof value === 'string' && (/^(#|rgb|hsl)/i.test(value) || CSS.supports('color', value)) && !/^\d/.test(value)
  })
  return { fontFamily, colourVariables }
}

/** In the page: checks the source with Mermaid's parser, then draws it. */
async function drawInPage(source: string, id: string, themeVariables: Record<string, string>, fontFamily: string): Promise<DrawResult> {
  const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid
  mermaid.initialize({
    startOnLoad: false,
    theme: 'base',
    securityLevel: 'strict',
    htmlLabels: false,
    fontFamily,
    themeVariables: { ...themeVariables, fontFamily, dropShadow: 'none', pieOpacity: '1' },
    flowchart: { htmlLabels: false },
    // Gantt charts take the width of their container: give them a slide's, and a slide's type size.
    gantt: { useWidth: 1100, fontSize: 16, sectionFontSize: 16, barHeight: 30, barGap: 8, topPadding: 56, leftPadding: 120 },
    deterministicIds: true,
    deterministicIDSeed: id,
  })
  try {
    await mermaid.parse(source)
    return { svg: (await mermaid.render(id, source)).svg }
  } catch (err) {
    const e = err as { message?: string; hash?: { line?: number; loc?: { first_line?: number } } }
    const message = String(e.message ?? err)
    const line = e.hash?.loc?.first_line ?? (e.hash?.line !== undefined ? e.hash.line + 1 : undefined) ?? Number(/line:? (\d+)/i.exec(message)?.[1] ?? NaN)
    return { error: message, ...(Number.isFinite(line) && { line }) }
  } finally {
    document.getElementById(`d${id}`)?.remove()
    document.getElementById(id)?.remove()
  }
}
