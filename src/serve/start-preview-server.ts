// I/O: the preview server. Serves one output folder on loopback, adds the live-reload script to
// HTML, and pushes reload/error events over Server-Sent Events.
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import createDebug from 'debug'
import { checkRequestOrigin } from './check-request-origin.js'
import { contentTypeOf } from '../output/content-type.js'
import { EVENTS_PATH, injectLiveReload } from './live-reload-client.js'
import { resolveUrlPath } from './resolve-url-path.js'

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

/** Starts the server; with a busy port, tries the following ones. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1'
  const wanted = options.port ?? 8000
  const clients = new Set<http.ServerResponse>()
  let state: { event: string; data: string } | null = null
  const address = { host, port: 0 }
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      debug('request failed: %O', err)
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refused = checkRequestOrigin({ host: req.headers.host, origin: req.headers.origin, secFetchSite: header(req, 'sec-fetch-site'), secFetchMode: header(req, 'sec-fetch-mode') }, address)
    if (refused) {
      debug('403 %s: %s', req.url, refused)
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    if ((req.url ?? '').split('?')[0] === EVENTS_PATH) return openEvents(res)
    await serveFile(options.root, req, res)
  }
  function openEvents(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write('retry: 500\n\n')
    if (state) res.write(state.data)
    clients.add(res)
    res.on('close', () => clients.delete(res))
  }
  const port = await listen(server, host, wanted, wanted === 0 ? 1 : (options.portAttempts ?? 20))
  address.port = port
  // Keep SSE connections alive through proxies and idle timeouts.
  const ping = setInterval(() => clients.forEach((c) => c.write(': ping\n\n')), 15_000)
  ping.unref()
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return {
    host,
    port,
    ...(port !== wanted && wanted !== 0 && { busyPort: wanted }),
    url: `http://${shownHost}:${port}`,
    send(event, data) {
      const text = eventText(event, data)
      clients.forEach((c) => c.write(text))
    },
    setState(event, data) {
      state = event ? { event, data: eventText(event, data) } : null
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping)
        clients.forEach((c) => c.end())
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function eventText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data ?? {})}\n\n`
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const WAITING_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>deckhand</title></head><body><p>Waiting for the deck to build…</p></body></html>'

function isDeckIndex(segments: readonly string[]): boolean {
  return segments.length === 1 && segments[0] === 'index.html'
}

async function serveFile(root: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const resolved = resolveUrlPath(req.url ?? '/')
  if (!resolved.ok) {
    res.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8' }).end(resolved.status === 403 ? 'Forbidden\n' : 'Bad request\n')
    return
  }
  const file = await confineToRoot(root, resolved.segments)
  if (file === 'outside') {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden\n')
    return
  }
  const info = file ? await stat(file).catch(() => undefined) : undefined
  if ((!file || !info?.isFile()) && isDeckIndex(resolved.segments)) {
    // No good build yet: a page that waits for one, with live reload, instead of a bare 404.
    const body = injectLiveReload(WAITING_PAGE)
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body)
    return
  }
  if (!file || !info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Not found\n')
    return
  }
  const type = contentTypeOf(file)
  const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
  if (type.startsWith('text/html')) {
    const body = Buffer.from(injectLiveReload(await readFile(file, 'utf8')))
    res.writeHead(200, { ...headers, 'content-length': body.length })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  res.writeHead(200, { ...headers, 'content-length': info.size })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).on('error', () => res.destroy()).pipe(res)
}

/**
 * The real path of the file inside the real root; 'outside' when a symlink leads out of it,
 * undefined when it does not exist.
 */
async function confineToRoot(root: string, segments: readonly string[]): Promise<string | 'outside' | undefined> {
  const realRoot = await realpath(root).catch(() => undefined)
  if (!realRoot) return undefined
  const real = await realpath(path.join(realRoot, ...segments)).catch(() => undefined)
  if (!real) return undefined
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : 'outside'
}

async function listen(server: http.Server, host: string, port: number, attempts: number): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port + i, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      return (server.address() as AddressInfo).port
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i + 1 >= attempts) throw err
    }
  }
}
