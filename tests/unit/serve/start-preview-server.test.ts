import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPreviewServer, type PreviewServer } from '../../../src/serve/start-preview-server.js'
import { rawGet, type Answer } from '../../helpers/http-request.js'

const SECRET = 'TOP-SECRET-CONTENT'
let dir: string
let server: PreviewServer

/** A request with the path exactly as written (no URL normalisation on the way). */
function raw(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return rawGet(server.port, target, { host: `127.0.0.1:${server.port}`, ...headers })
}

/** Writes the request line byte for byte, for targets node:http would refuse to send. */
function rawSocket(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)
    })
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (c: string) => (text += c))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-serve-'))
  const out = path.join(dir, 'out')
  mkdirSync(path.join(out, 'images'), { recursive: true })
  writeFileSync(path.join(dir, 'secret.txt'), SECRET)
  writeFileSync(path.join(out, 'index.html'), '<html><body><h1>deck</h1></body></html>')
  writeFileSync(path.join(out, 'images', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  symlinkSync(path.join(dir, 'secret.txt'), path.join(out, 'images', 'leak.txt'))
  symlinkSync(dir, path.join(out, 'up'))
  server = await startPreviewServer({ root: out, port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('startPreviewServer', () => {
  it('serves the output folder and adds the live-reload script to HTML only', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h1>deck</h1>')
    expect(page.body).toContain('data-deckhand-live')
    const svg = await raw('/images/a.svg')
    expect(svg.headers['content-type']).toBe('image/svg+xml')
    expect(svg.body).not.toContain('deckhand-live')
  })

  it('answers 404 for a missing file', async () => {
    expect((await raw('/nope.html')).status).toBe(404)
  })

  it.each([
    '/../secret.txt',
    '/images/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/images/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/images/leak.txt',
    '/up/secret.txt',
    '/index.html%00',
    '/{dir-encoded}',
  ])('refuses %j with 403/404 and no file content', async (target) => {
    const res = await raw(target.replace('{dir-encoded}', encodeURIComponent(path.join(dir, 'secret.txt'))))
    expect([400, 403, 404]).toContain(res.status)
    expect(res.body).not.toContain(SECRET)
  })

  it.each(['GET /..\\secret.txt HTTP/1.1', 'GET /../secret.txt HTTP/1.1', 'GET {dir}/secret.txt HTTP/1.1', 'GET http://127.0.0.1/../secret.txt HTTP/1.1'])(
    'refuses the raw request line %j',
    async (line) => {
      const text = await rawSocket(line.replace('{dir}', dir))
      expect(text).toMatch(/^HTTP\/1\.1 (400|403|404)/)
      expect(text).not.toContain(SECRET)
    },
  )

  it('refuses other hosts and origins, on pages and on the event stream', async () => {
    expect((await raw('/', { host: 'evil.example:' + server.port })).status).toBe(403)
    expect((await raw('/', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await raw('/__deckhand/events', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await raw('/__deckhand/events', { host: `attacker.example:${server.port}` })).status).toBe(403)
  })

  it('streams events to its own pages', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/__deckhand/events', headers: { origin: `http://127.0.0.1:${server.port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream')
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          text += c
          if (text.includes('event: reload')) {
            req.destroy()
            resolve(text)
          }
        })
        setTimeout(() => server.send('reload'), 50)
      })
      req.on('error', reject)
    })
    expect(received).toContain('event: reload\ndata: {}')
  })

  it('takes the next port when the asked one is busy', async () => {
    const other = await startPreviewServer({ root: dir, port: server.port })
    try {
      expect(other.port).toBeGreaterThan(server.port)
      expect(other.busyPort).toBe(server.port)
    } finally {
      await other.close()
    }
  })
})

describe('startPreviewServer print previews', () => {
  let previews: PreviewServer
  const get = (target: string): Promise<Answer> => rawGet(previews.port, target, { host: `127.0.0.1:${previews.port}` })

  beforeAll(async () => {
    previews = await startPreviewServer({ root: path.join(dir, 'out'), port: 0, printPage: (product) => (product === 'notes' ? '<html><head></head><body>NOTES-PAGE</body></html>' : undefined) })
  })

  afterAll(async () => {
    await previews.close()
  })

  it('answers /print/<product> with the page, live reload added, and waits for a build otherwise', async () => {
    const notes = await get('/print/notes')
    expect(notes.status).toBe(200)
    expect(notes.body).toContain('NOTES-PAGE')
    expect(notes.body).toContain('data-deckhand-live')
    expect((await get('/print/3-up')).body).toContain('Waiting for the deck to build')
  })

  it('answers the preview’s relative links from the output folder, and nothing outside it', async () => {
    expect((await get('/print/images/a.svg')).status).toBe(200)
    expect((await get('/print/__deckhand/paged.polyfill.js')).status).toBe(404)
    expect((await get('/__deckhand/paged.polyfill.js')).body).toContain('Paged')
    for (const target of ['/print/up/secret.txt', '/print/..%2fsecret.txt', '/print/../secret.txt', '/print/images/leak.txt']) {
      const answer = await get(target)
      expect(answer.status, target).toBeGreaterThanOrEqual(400)
      expect(answer.body).not.toContain(SECRET)
    }
  })
})
