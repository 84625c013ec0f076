// The one loopback static server print, check and the preview share: types from a well-kept
// table, Range requests, pages held in memory, and nothing outside the folder, symlinks included.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveFolder, type FolderServer } from '../../../src/browser/serve-folder.js'
import { DeckError } from '../../../src/diagnostics/diagnostic.js'
import { rawGet, type Answer } from '../../helpers/http-request.js'

let dir: string
let server: FolderServer

const get = (target: string, headers: Record<string, string> = {}): Promise<Answer> => rawGet(server.port, target, headers)

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-serve-folder-'))
  const root = path.join(dir, 'out')
  mkdirSync(path.join(root, 'media'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>deck</p>')
  writeFileSync(path.join(root, 'media', 'captions.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n')
  writeFileSync(path.join(root, 'media', 'clip.mp4'), '0123456789')
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET')
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'media', 'leak.txt'))
  server = await serveFolder({ root })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('serveFolder', () => {
  it('listens on loopback only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves each file with its type, captions as text/vtt', async () => {
    expect((await get('/index.html')).headers['content-type']).toBe('text/html; charset=utf-8')
    const vtt = await get('/media/captions.vtt')
    expect(vtt.status).toBe(200)
    expect(vtt.headers['content-type']).toMatch(/^text\/vtt/)
    expect((await get('/media/clip.mp4')).headers['content-type']).toBe('video/mp4')
  })

  it('answers Range requests with the part asked for', async () => {
    const part = await get('/media/clip.mp4', { range: 'bytes=2-5' })
    expect(part.status).toBe(206)
    expect(part.body).toBe('2345')
    expect(part.headers['content-range']).toBe('bytes 2-5/10')
  })

  it('serves pages held in memory at their path, before any file', async () => {
    server.setPage('/.print-notes.html', '<p>print</p>')
    const page = await get('/.print-notes.html')
    expect([page.status, page.body, page.headers['cache-control']]).toEqual([200, '<p>print</p>', 'no-store'])
  })

  it('refuses what lies outside the folder, through a symlink or a traversal', async () => {
    const leak = await get('/media/leak.txt')
    expect(leak.status).toBe(403)
    expect(leak.body).not.toContain('TOP-SECRET')
    expect((await get('/%2e%2e/secret.txt')).status).toBe(403)
    expect((await get('/nope.txt')).status).toBe(404)
  })
})

describe('an address it cannot listen on', () => {
  it('is a server-listen error naming the address, not a raw socket error', async () => {
    // 192.0.2.1 is a documentation address no machine has: the same failure as a loopback that is down.
    const err = await serveFolder({ root: dir, host: '192.0.2.1' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeckError)
    expect((err as DeckError).diagnostic.code).toBe('server-listen')
    expect((err as DeckError).diagnostic.message).toContain('192.0.2.1')
  })
})
