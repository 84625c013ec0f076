// I/O: the one loopback static server over an output folder, shared by print, check and the
// preview: pages are never opened as file://, and nothing outside the folder is ever read.
// Files go out through `send` (MIME types, Range and conditional requests).
import { readFile, realpath, stat } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import createDebug from 'debug'
import type SendModule from 'send'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import { resolveUrlPath } from './resolve-url-path.js'

const debug = createDebug('deck:browser')
// Loaded on first use: an HTML build never serves anything.
const require = createRequire(import.meta.url)
let send: typeof SendModule | undefined

export interface FolderServerOptions {
  /** The folder served. */
  readonly root: string
  /** @defaultValue '127.0.0.1' */
  readonly host?: string
  /** 0 picks a free port. @defaultValue 0 */
  readonly port?: number
  /** Try the next ports when the given one is taken. @defaultValue 1 */
  readonly portAttempts?: number
  /** Extra headers on every file (the preview: no-store, so a save always shows). */
  readonly headers?: Readonly<Record<string, string>>
  /** Answers a request before any file is looked for, and returns true when it did. */
  readonly intercept?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean
  /** Rewrites each HTML file before it is sent (the preview adds its live reload), given its path in the folder. */
  readonly rewriteHtml?: (html: string, segments: readonly string[]) => string
  /** HTML answered for a file that does not exist, when there is some (the preview's waiting page). */
  readonly missing?: (segments: readonly string[]) => string | undefined
}

export interface FolderServer {
  readonly host: string
  readonly port: number
  /** The port asked for, when it was busy and another was used. */
  readonly busyPort?: number
  /** `http://127.0.0.1:<port>` (the host as a browser reaches it), without a trailing slash. */
  readonly origin: string
  /** Serves `body` as HTML at `urlPath` (e.g. `/print-slides.html`) without writing it to disk. */
  setPage(urlPath: string, body: string): void
  close(): Promise<void>
}

const HTML = 'text/html; charset=utf-8'
const TEXT = { 'content-type': 'text/plain; charset=utf-8' }

/** Starts the server; with a busy port and `portAttempts` > 1, tries the following ones. */
export async function serveFolder(options: FolderServerOptions): Promise<FolderServer> {
  const host = options.host ?? '127.0.0.1'
  const wanted = options.port ?? 0
  const pages = new Map<string, string>()
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      debug('request failed: %O', err)
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (options.intercept?.(req, res)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (page !== undefined) return answerHtml(req, res, page, { 'cache-control': 'no-store' })
    await serveFile(options, req, res)
  }
  const port = await listen(server, host, wanted, wanted === 0 ? 1 : (options.portAttempts ?? 1))
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return {
    host,
    port,
    ...(port !== wanted && wanted !== 0 && { busyPort: wanted }),
    origin: `http://${shownHost}:${port}`,
    setPage: (urlPath, body) => void pages.set(urlPath, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function serveFile(options: FolderServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const resolved = resolveUrlPath(req.url ?? '/')
  if (!resolved.ok) {
    res.writeHead(resolved.status, TEXT).end(resolved.status === 403 ? 'Forbidden\n' : 'Bad request\n')
    return
  }
  const found = await confineToRoot(options.root, resolved.segments)
  if (found === 'outside') {
    res.writeHead(403, TEXT).end('Forbidden\n')
    return
  }
  const headers = { 'x-content-type-options': 'nosniff', ...options.headers }
  if (!found || !(await stat(found.file).catch(() => undefined))?.isFile()) {
    const body = options.missing?.(resolved.segments)
    if (body !== undefined) return answerHtml(req, res, body, { ...headers, 'cache-control': 'no-store' })
    res.writeHead(404, { ...TEXT, ...headers }).end('Not found\n')
    return
  }
  if (options.rewriteHtml && /\.html?$/i.test(found.file)) {
    return answerHtml(req, res, options.rewriteHtml(await readFile(found.file, 'utf8'), resolved.segments), headers)
  }
  send ??= require('send') as typeof SendModule
  const relative = path.relative(found.root, found.file).split(path.sep).map(encodeURIComponent).join('/')
  send(req, `/${relative}`, { root: found.root, dotfiles: 'allow', index: false, cacheControl: !('cache-control' in headers) })
    .on('headers', (r: http.ServerResponse) => {
      for (const [name, value] of Object.entries(headers)) r.setHeader(name, value)
    })
    .on('error', (err: { status?: number }) => {
      if (!res.headersSent) res.writeHead(err.status ?? 500, TEXT).end()
      else res.destroy()
    })
    .pipe(res)
}

function answerHtml(req: http.IncomingMessage, res: http.ServerResponse, html: string, headers: Readonly<Record<string, string>>): void {
  const body = Buffer.from(html)
  res.writeHead(200, { ...headers, 'content-type': HTML, 'content-length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * The real path of the file inside the real root; 'outside' when a symlink leads out of it,
 * undefined when it does not exist.
 */
async function confineToRoot(root: string, segments: readonly string[]): Promise<{ root: string; file: string } | 'outside' | undefined> {
  const realRoot = await realpath(root).catch(() => undefined)
  if (!realRoot) return undefined
  const real = await realpath(path.join(realRoot, ...segments)).catch(() => undefined)
  if (!real) return undefined
  return real === realRoot || real.startsWith(realRoot + path.sep) ? { root: realRoot, file: real } : 'outside'
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
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' && i + 1 < attempts) continue
      if (code === 'EADDRINUSE') throw err
      // A loopback interface that is down (or an address this machine does not have): the
      // real cause, said plainly, rather than whatever failed after it.
      throw new DeckError(
        error(
          'server-listen',
          `Could not listen on ${host}:${port + i}: ${(err as Error).message}`,
          undefined,
          host === '127.0.0.1' ? 'The browser reads the deck over the loopback interface: check that it is up (ip link set lo up).' : 'Pass an address this machine has with --host.',
        ),
        { cause: err },
      )
    }
  }
}
