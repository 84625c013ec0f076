import { createReadStream, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { contentTypeOf } from '../output/content-type.js'
import { resolveUrlPath } from '../serve/resolve-url-path.js'

export interface OutputServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  readonly origin: string
  /** Serves `body` at `urlPath` (e.g. `/print-slides.html`) without writing it to disk. */
  setPage(urlPath: string, body: string): void
  close(): Promise<void>
}

/** A loopback-only static server over `root`, so pages are never opened as file://. */
export async function serveOutput(root: string): Promise<OutputServer> {
  const base = path.resolve(root)
  const pages = new Map<string, string>()
  const server = http.createServer((req, res) => {
    const file = resolveRequest(base, req.url ?? '/')
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': contentTypeOf('.html'), 'cache-control': 'no-store' })
      res.end(page)
      return
    }
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file ? 405 : 403).end()
      return
    }
    let size: number
    try {
      const stat = statSync(file)
      if (!stat.isFile()) throw new Error('not a file')
      size = stat.size
    } catch {
      res.writeHead(404).end()
      return
    }
    const type = contentTypeOf(file)
    res.writeHead(200, { 'content-type': type, 'content-length': size })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).on('error', () => res.destroy()).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    setPage: (urlPath, body) => void pages.set(urlPath, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * The file a request target names inside `base`, or undefined when it is refused. The same
 * rules as the preview server: traversal in any spelling, encoded slashes, NUL and double
 * encoding are refused before the disk is touched.
 */
export function resolveRequest(base: string, target: string): string | undefined {
  const resolved = resolveUrlPath(target)
  return resolved.ok ? path.join(base, ...resolved.segments) : undefined
}
