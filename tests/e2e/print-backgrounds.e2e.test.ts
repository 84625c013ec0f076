// What a deck brought from reveal.js prints as its author meant, read back from the PDFs'
// pixels and text: every kind of background (on slides.pdf and on handout thumbnails), light
// text on a dark one, hidden slides left out, code line steps as --fragments pages, a background
// video's first frame, position links as links; and check's warning for text a picture drowns.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import { checkDeck } from '../../src/check/check-deck.js'
import { exportPdfs } from '../../src/pdf/export-pdfs.js'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { findProject } from '../../src/project/find-project.js'
import { readPdf, renderPages, type PageImage, type PdfFacts } from './helpers/read-pdf.js'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')
// slides.pdf pages are 1280 x 720 CSS px; at 48 dpi a page is 640 x 360 pixels (half a CSS px each).
const DPI = 48
let out: string
let built: BuiltDeck
let slides: PdfFacts
let pages: PageImage[]

async function build(root: string, name: string): Promise<BuiltDeck> {
  return (await buildDeck(await findProject({ root, cwd: root }), 'talk', { outDir: path.join(out, name) })).value
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-print-bg-'))
  built = await build(path.join(FIXTURES, 'dialect-revealjs'), 'revealjs')
  await exportPdfs(built, { products: ['slides', '6-up'], timeoutMs: 120_000 })
  const file = path.join(built.outDir, 'slides.pdf')
  slides = await readPdf(file)
  pages = renderPages(file, DPI)
}, 180_000)

afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

/** The 0-based page whose text holds `title`. */
function pageOf(facts: PdfFacts, title: string): number {
  const n = facts.text.findIndex((t) => t.includes(title))
  expect(n, title).toBeGreaterThanOrEqual(0)
  return n
}

/** Within `tolerance` of the colour in every channel. */
function near([r, g, b]: readonly number[], hex: string, tolerance = 12): boolean {
  const want = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  return Math.abs(r! - want[0]!) <= tolerance && Math.abs(g! - want[1]!) <= tolerance && Math.abs(b! - want[2]!) <= tolerance
}

/** Share of the page's pixels for which `test` holds. */
function share(img: PageImage, test: (rgb: [number, number, number]) => boolean): number {
  let hits = 0
  for (let y = 0; y < img.height; y += 2) for (let x = 0; x < img.width; x += 2) if (test(img.rgb(x, y))) hits++
  return hits / (Math.ceil(img.height / 2) * Math.ceil(img.width / 2))
}

describe('backgrounds on slides.pdf', () => {
  it('paints a colour, with the theme\'s light text on a dark one', () => {
    const summer = pages[pageOf(slides, 'Summer')]!
    expect(near(summer.rgb(600, 20), '#1f4e3d')).toBe(true)
    expect(share(summer, (c) => near(c, '#1f4e3d'))).toBeGreaterThan(0.8)
    // The heading and its rule are light: the theme's lightest text colour, not its dark ink.
    expect(share(summer, ([r, g, b]) => r > 200 && g > 200 && b > 200)).toBeGreaterThan(0.003)
    expect(share(summer, ([r, g, b]) => r + g + b < 60)).toBe(0)
    expect(near(pages[pageOf(slides, 'Film night')]!.rgb(600, 20), '#000000', 4)).toBe(true)
  })

  it('paints a gradient from end to end', () => {
    const dusk = pages[pageOf(slides, 'Gradient dusk')]!
    expect(near(dusk.rgb(600, 2), '#283b95', 16)).toBe(true)
    expect(near(dusk.rgb(600, 357), '#17b2c3', 16)).toBe(true)
  })

  it('paints a picture at its size, and a translucent one mixed with the slide colour', () => {
    // night.svg is navy with a red bar at (150..270, 120..160) of its 320 x 180: covering the slide, x4.
    const old = pages[pageOf(slides, 'The old way')]!
    expect(near(old.rgb(500, 60), '#1e3a5f')).toBe(true)
    expect(near(old.rgb(420, 280), '#c0392b')).toBe(true)
    const moon = pages[pageOf(slides, 'Moonlit rows')]!
    const [r, g, b] = moon.rgb(500, 60)
    // Half navy, half the light slide colour: lighter than the picture, darker than the paper.
    expect(r).toBeGreaterThan(0x1e + 40)
    expect(b).toBeGreaterThan(0x5f + 40)
    expect(r + g + b).toBeLessThan(3 * 230)
  })

  it('is the same on the handout thumbnails', async () => {
    const handout = path.join(built.outDir, 'handout-6-up.pdf')
    const facts = await readPdf(handout)
    const sheet = renderPages(handout, DPI)[pageOf(facts, 'Summer rain')]!
    // A 6-up thumbnail is about a twelfth of the sheet; a quarter of that is plenty to tell.
    expect(share(sheet, (c) => near(c, '#1f4e3d'))).toBeGreaterThan(0.02)
  })
})

describe('hidden slides', () => {
  it('are left out of slides.pdf and the handouts: pages and text', async () => {
    expect(built.slides.filter((s) => s.hidden)).toHaveLength(1)
    expect(slides.pages).toBe(built.slides.length - 1)
    expect(slides.text.join(' ')).not.toContain('Spare slide')
    const handout = await readPdf(path.join(built.outDir, 'handout-6-up.pdf'))
    expect(handout.text.join(' ')).not.toContain('Spare slide')
  })
})

describe('code line steps', () => {
  it('print a page per step with --fragments, the last like the page without fragments', async () => {
    const stepped = await build(path.join(FIXTURES, 'dialect-revealjs'), 'revealjs-fragments')
    await exportPdfs(stepped, { products: ['slides'], fragments: true, timeoutMs: 120_000 })
    const file = path.join(stepped.outDir, 'slides.pdf')
    const facts = await readPdf(file)
    const shown = stepped.slides.filter((s) => !s.hidden)
    expect(facts.pages).toBe(shown.length + shown.reduce((n, s) => n + s.print.fragmentSteps, 0))
    const crates = facts.text.flatMap((t, i) => (t.includes('Counting crates') ? [i] : []))
    expect(crates).toHaveLength(2)
    const [first, last] = crates.map((i) => renderPages(file, DPI, i + 1, i + 1)[0]!)
    const plain = pages[pageOf(slides, 'Counting crates')]!
    expect(countDiffering(first!, last!)).toBeGreaterThan(100)
    expect(countDiffering(last!, plain)).toBe(0)
  }, 180_000)
})

function countDiffering(a: PageImage, b: PageImage): number {
  let n = 0
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) if (Math.abs(a.grey(x, y) - b.grey(x, y)) > 24) n++
  return n
}

describe('a deck of our own', () => {
  it('prints a background video as its first frame, and position links as links to their slides', async () => {
    const root = path.join(out, 'video-project')
    const deck = path.join(root, 'content', 'talk')
    await mkdir(path.join(deck, 'media'), { recursive: true })
    await writeFile(path.join(root, 'package.json'), '{ "name": "video", "private": true }\n')
    await writeFile(path.join(deck, 'deck.yml'), 'title: Clips\n')
    await writeFile(path.join(deck, 'media', 'clip.webm'), await recordRedClip())
    await writeFile(
      path.join(deck, '01-clips.md'),
      '<!-- .slide: data-background-video="media/clip.webm" data-background-color="#000000" -->\n## Rolling\n\n---\n\n## Links\n\n[Start](#/) and [again](#/0), and <a href="#/0/0">the deck\'s title</a>\n',
    )
    const video = await build(root, 'video')
    await exportPdfs(video, { products: ['slides'], timeoutMs: 120_000 })
    const file = path.join(video.outDir, 'slides.pdf')
    const facts = await readPdf(file)
    const rolling = renderPages(file, DPI)[pageOf(facts, 'Rolling')]!
    // The clip is red throughout; without its frame the slide would be black.
    expect(share(rolling, ([r, g, b]) => r > 150 && g < 80 && b < 80)).toBeGreaterThan(0.8)
    const links = facts.links.filter((l) => l.page === pageOf(facts, 'Links') + 1)
    // Markdown links name positions in their chapter, as in reveal-md (its first slide is page 2,
    // after the title slide); raw HTML keeps Reveal's deck position, the title slide.
    expect(links.map((l) => l.target)).toEqual([2, 2, 1])
  }, 180_000)
})

describe('check', () => {
  it('warns at the text a background picture leaves hard to read, not at text on a readable one', async () => {
    const report = await checkDeck(built, { timeoutMs: 120_000 })
    const contrast = report.diagnostics.filter((d) => d.code === 'background-contrast')
    const file = path.join(FIXTURES, 'dialect-revealjs', 'content', 'talk', '04-backgrounds-and-code.md')
    // "The old way": dark heading on the navy picture (line 17); the half-transparent one reads.
    expect(contrast.map((d) => [d.span?.file, d.span?.line])).toContainEqual([file, 17])
    expect(contrast.every((d) => d.span?.line !== 7)).toBe(true)
    expect(contrast.every((d) => d.severity === 'warning')).toBe(true)
    expect(report.diagnostics.filter((d) => d.code === 'link-broken')).toEqual([])
  }, 180_000)
})

/** A short WebM clip, all red, recorded by Chromium itself (no video tool needed). */
async function recordRedClip(): Promise<Buffer> {
  const handle = await launchBrowser({ timeoutMs: 60_000 })
  try {
    const page = await handle.browser.newPage()
    const base64 = (await page.evaluate(`(async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 })
      const context = canvas.getContext('2d')
      const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: 'video/webm;codecs=vp8' })
      const chunks = []
      recorder.ondataavailable = (e) => chunks.push(e.data)
      const stopped = new Promise((resolve) => { recorder.onstop = resolve })
      recorder.start()
      for (let i = 0; i < 15; i++) {
        context.fillStyle = '#d01010'
        context.fillRect(0, 0, 320, 180)
        await new Promise((resolve) => setTimeout(resolve, 33))
      }
      recorder.stop()
      await stopped
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer())
      let text = ''
      for (const byte of bytes) text += String.fromCharCode(byte)
      return btoa(text)
    })()`)) as string
    return Buffer.from(base64, 'base64')
  } finally {
    await handle.close()
  }
}
