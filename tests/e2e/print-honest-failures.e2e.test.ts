// Printing fails honestly: a browser that never starts fails in seconds naming the executable;
// a print that times out names what it waited for (the script that never finished, the URL
// that never answered) at the chapter line that holds it; a blocked request is one warning per
// URL at the line that named it, however many slides and products ask for it.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { DeckError } from '../../src/diagnostics/diagnostic.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { alive, descendants } from './helpers/processes.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A one-deck project; `chapter` is 01-talk.md. */
async function built(chapter: string, deckYml = '') {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deckhand-honest-'))
  dirs.push(root)
  writeFileSync(path.join(root, 'package.json'), '{}')
  mkdirSync(path.join(root, 'content', 'talk'), { recursive: true })
  writeFileSync(path.join(root, 'content', 'talk', 'deck.yml'), `title: Talk\ntitleSlide: false\nagenda: false\n${deckYml}`)
  writeFileSync(path.join(root, 'content', 'talk', '01-talk.md'), chapter)
  const project = await findProject({ root, cwd: root })
  return { root, deck: (await buildDeck(project, 'talk', { outDir: path.join(root, 'dist') })).value }
}

const failure = (promise: Promise<unknown>): Promise<DeckError> =>
  promise.then(
    () => {
      throw new Error('expected the print to fail')
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(DeckError)
      return err as DeckError
    },
  )

it('a browser that never starts fails within the launch limit, naming the executable, and leaves nothing behind', async () => {
  const { root, deck } = await built('## One\n\nText\n')
  const fake = path.join(root, 'never-starts.sh')
  writeFileSync(fake, '#!/bin/sh\nexec sleep 617\n')
  chmodSync(fake, 0o755)
  const started = Date.now()
  const err = await failure(exportPdfs(deck, { products: ['slides'], browserPath: fake, timeoutMs: 120_000 }))
  // The launch limit (20 s), not the two-minute print limit.
  expect(Date.now() - started).toBeLessThan(45_000)
  expect(err.diagnostic.code).toBe('browser-launch')
  expect(err.diagnostic.message).toContain(fake)
  await new Promise((done) => setTimeout(done, 300))
  expect(descendants(process.pid).filter((p) => p.cmdline.includes('sleep 617') && alive(p.pid))).toEqual([])
  expect(readdirSync(os.tmpdir()).filter((n) => n.startsWith(`dh-run-${process.pid}-`))).toEqual([])
}, 90_000)

it('a script that never finishes is named, at the chapter line that holds it', async () => {
  const { deck } = await built('## Busy\n\nBefore the loop\n\n<script>\nwhile (true) {}\n</script>\n', 'html: trusted\n')
  const err = await failure(exportPdfs(deck, { products: ['slides'], timeoutMs: 5_000 }))
  expect(err.diagnostic.code).toBe('pdf-timeout')
  expect(err.diagnostic.message).toContain('never finished')
  expect(err.diagnostic.message).toContain('while (true) {}')
  expect(err.diagnostic.span).toMatchObject({ file: path.join(deck.deckDir, '01-talk.md'), line: 6 })
  expect(existsSync(path.join(deck.outDir, 'slides.pdf'))).toBe(false)
}, 90_000)

it('a URL that never answers is named, at the chapter line that asks for it', async () => {
  // Accepts the connection and never answers.
  const hung: http.ServerResponse[] = []
  const server = http.createServer((_req, res) => void hung.push(res))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.png`
  try {
    const { deck } = await built(`## Slow\n\nText\n\n![slow](${url})\n`)
    const err = await failure(exportPdfs(deck, { products: ['slides'], timeoutMs: 5_000, allowNetwork: true }))
    expect(err.diagnostic.code).toBe('pdf-timeout')
    expect(err.diagnostic.message).toContain(url)
    expect(err.diagnostic.span).toMatchObject({ file: path.join(deck.deckDir, '01-talk.md'), line: 5 })
  } finally {
    for (const res of hung) res.destroy()
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  }
}, 90_000)

it('a blocked URL is one warning at the line that named it, across slides and products', async () => {
  const pixel = 'http://192.0.2.1/pixel.png'
  const { deck } = await built(`## One\n\n![a](${pixel})\n\n---\n\n## Two\n\n![b](${pixel})\n\n---\n\n## Three\n\n![c](http://192.0.2.1/other.png)\n`)
  const result = await exportPdfs(deck, { products: ['slides', '3-up'], timeoutMs: 60_000 })
  const blocked = result.diagnostics.filter((d) => d.code === 'request-blocked')
  const file = path.join(deck.deckDir, '01-talk.md')
  expect(blocked.map((d) => [d.message.includes(pixel) ? pixel : 'other', d.span?.file, d.span?.line])).toEqual([
    [pixel, file, 3],
    ['other', file, 15],
  ])
  // A blocked image is told once, as blocked, not again as broken in each product.
  expect(result.diagnostics.filter((d) => d.code === 'image-broken')).toEqual([])
}, 90_000)
