// I/O: the preview server. The browser module's folder server, with what a preview adds:
// requests only from this server's own pages, the live-reload script in HTML, a page that
// waits for the first good build, and reload/error events over Server-Sent Events.
import { createReadStream } from 'node:fs'
import type http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import createDebug from 'debug'
import { serveFolder } from '../browser/serve-folder.js'
import { checkRequestOrigin } from './check-request-origin.js'
import { EVENTS_PATH, injectLiveReload } from './live-reload-client.js'
import type { PrintProduct } from '../print/render-print-document.js'
import { PAGED_SCRIPT_PATH, PRINT_PREVIEW_PREFIX, previewProduct } from './print-preview.js'
import { withPrintMenu } from './print-menu.js'

const require = createRequire(import.meta.url)

const debug = createDebug('deck:serve')

export interface PreviewServerOptions {
  /** The folder served; nothing outside it is ever read. */
  readonly root: string
  /** @defaultValue '127.0.0.1' */
  readonly host?: string
  /** 0 picks a free port. @defaultValue 8000 */
  readonly port?: number
  /** Try the next ports when the given one is taken. @defaultValue 20 */
  readonly portAttempts?: number
  /** A print product's preview page (`/print/<product>`), from the last good build; undefined before one. */
  readonly printPage?: (product: PrintProduct) => string | undefined
  /** The print menu added to the deck's own page (index.html) when served. */
  readonly deckMenu?: () => string | undefined
}

export interface PreviewServer {
  readonly host: string
  readonly port: number
  /** The port asked for, when it was busy and another was used. */
  readonly busyPort?: number
  /** `http://127.0.0.1:<port>` (or `localhost` when listening on it). */
  readonly url: string
  /** Sends an event to every open page. */
  send(event: 'reload' | 'build-ok' | 'build-error', data?: unknown): void
  /** Replayed to pages that connect later (e.g. the error overlay after a manual reload). */
  setState(event: 'build-error' | null, data?: unknown): void
  close(): Promise<void>
}

const WAITING_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>deckhand</title></head><body><p>Waiting for the deck to build…</p></body></html>'

/** Starts the server; with a busy port, tries the following ones. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1'
  const clients = new Set<http.ServerResponse>()
  let state: { event: string; data: string } | null = null
  const address = { host, port: 0 }
  const intercept = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const refused = checkRequestOrigin({ host: req.headers.host, origin: req.headers.origin, secFetchSite: header(req, 'sec-fetch-site'), secFetchMode: header(req, 'sec-fetch-mode') }, address)
    if (refused) {
      debug('403 %s: %s', req.url, refused)
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
      return true
    }
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write('retry: 500\n\n')
      if (state) res.write(state.data)
      clients.add(res)
      res.on('close', () => clients.delete(res))
      return true
    }
    if (req.method === 'GET' && options.printPage) return answerPrintPreview(req, res, options.printPage)
    return false
  }
  const server = await serveFolder({
    root: options.root,
    host,
    port: options.port ?? 8000,
    portAttempts: options.portAttempts ?? 20,
    headers: { 'cache-control': 'no-store' },
    intercept,
    rewriteHtml: (html, segments) => {
      const menu = segments.length === 1 && segments[0] === 'index.html' ? options.deckMenu?.() : undefined
      return injectLiveReload(menu ? withPrintMenu(html, menu) : html)
    },
    // No good build yet: a page that waits for one, with live reload, instead of a bare 404.
    missing: (segments) => (segments.length === 1 && segments[0] === 'index.html' ? injectLiveReload(WAITING_PAGE) : undefined),
  })
  address.port = server.port
  // Keep SSE connections alive through proxies and idle timeouts.
  const ping = setInterval(() => clients.forEach((c) => c.write(': ping\n\n')), 15_000)
  ping.unref()
  return {
    host,
    port: server.port,
    ...(server.busyPort !== undefined && { busyPort: server.busyPort }),
    url: server.origin,
    send(event, data) {
      const text = eventText(event, data)
      clients.forEach((c) => c.write(text))
    },
    setState(event, data) {
      state = event ? { event, data: eventText(event, data) } : null
    },
    async close() {
      clearInterval(ping)
      clients.forEach((c) => c.end())
      await server.close()
    },
  }
}

/** Print previews and the paging script they load; false for every other request. */
function answerPrintPreview(req: http.IncomingMessage, res: http.ServerResponse, printPage: (product: PrintProduct) => string | undefined): boolean {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname
  if (pathname === PAGED_SCRIPT_PATH) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' })
    const script = pagedScript()
    if (script) createReadStream(script).on('error', () => res.destroy()).pipe(res)
    else res.end(PAGED_MISSING)
    return true
  }
  const product = previewProduct(pathname)
  if (!product) {
    // The preview's relative links (stylesheets, fonts, images) are files of the output folder.
    if (pathname.startsWith(PRINT_PREVIEW_PREFIX)) req.url = (req.url ?? '/').slice(PRINT_PREVIEW_PREFIX.length - 1)
    return false
  }
  const html = printPage(product)
  const body = Buffer.from(injectLiveReload(html ?? WAITING_PAGE))
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': body.length })
  res.end(body)
  return true
}

/**
 * Paged.js's browser build, or undefined when the optional package is not installed; the
 * package exports no path to it, so it is found beside its main file.
 */
function pagedScript(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.min.js')
  } catch {
    return undefined
  }
}

// Without Paged.js the print document shows as one long page; a line at its top says how to get page boxes.
const PAGED_MISSING = `addEventListener('DOMContentLoaded', function () {
  var note = document.createElement('p');
  note.textContent = 'Page boxes need the optional pagedjs package: npm install pagedjs. The PDF is the authority.';
  note.style.cssText = 'margin:0;padding:8px 12px;background:#fff3bf;color:#222;font:14px sans-serif';
  document.body.insertBefore(note, document.body.firstChild);
});
`

function eventText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data ?? {})}\n\n`
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}
