// The dialect fixtures in real Chromium: Reveal counts the slides their own tools count (plus
// deckhand's title and agenda), code steps step, the dark slide's text is light, the split
// picture sits beside the content, and each deck prints a slides.pdf.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../src/pipeline/build-deck.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import { launchBrowser } from '../../src/browser/launch-browser.js'
import type { BrowserHandle } from '../../src/browser/open-browser.js'
import { serveFolder } from '../../src/browser/serve-folder.js'
import { findProject } from '../../src/project/find-project.js'
import { readPdf } from './helpers/read-pdf.js'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')
const CLI = path.resolve(import.meta.dirname, '../../bin/deckhand.js')
let out: string
let browser: BrowserHandle

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-dialects-'))
  browser = await launchBrowser({ timeoutMs: 60_000 })
})

afterAll(async () => {
  await browser?.close()
  await rm(out, { recursive: true, force: true })
})

async function build(name: string): Promise<BuiltDeck> {
  const root = path.join(FIXTURES, name)
  return (await buildDeck(await findProject({ root, cwd: root }), 'talk', { outDir: path.join(out, name) })).value
}

/** Opens the built deck, runs `inPage` on it, and closes it again. */
async function inDeck<T>(built: BuiltDeck, inPage: string): Promise<T> {
  const server = await serveFolder({ root: built.outDir })
  const page = await browser.browser.newPage()
  try {
    await page.setViewport({ width: 1280, height: 720 })
    await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' })
    await page.waitForFunction('window.Reveal && Reveal.isReady()', { timeout: 30_000 })
    return (await page.evaluate(inPage)) as T
  } finally {
    await page.close()
    await server.close()
  }
}

// Slides each tool shows (see tests/unit/dialects/dialect-fixtures.test.ts), plus the title
// slide and, with more than one chapter, the agenda.
describe.each([
  ['dialect-reveal-md', 14 + 2],
  ['dialect-revealjs', 19 + 2],
  ['dialect-marp', 9 + 1],
  ['dialect-slidev', 16 + 1],
])('%s in Chromium', (name, total) => {
  it(`shows ${total} slides and prints`, async () => {
    const built = await build(name)
    expect(await inDeck<number>(built, 'Reveal.getTotalSlides()')).toBe(total)
    execFileSync(process.execPath, [CLI, 'pdf', 'talk', '--root', path.join(FIXTURES, name), '--out', path.join(out, `${name}-pdf`), '--handout', 'none'], { stdio: 'pipe' })
    const pdf = await readPdf(path.join(out, `${name}-pdf`, 'talk', 'slides.pdf'))
    // One page a slide Reveal shows: hidden ones are left out on paper too.
    expect(pdf.pages).toBe(built.slides.filter((s) => !s.hidden).length)
    expect(pdf.pages).toBe(total)
  })
})

describe('what the dialects bring, on screen', () => {
  it('steps code lines and gives a dark slide the theme\'s light text', async () => {
    const built = await build('dialect-revealjs')
    const facts = await inDeck<{ steps: number[]; light: boolean; dark: boolean }>(
      built,
      `(() => {
        const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 }
        Reveal.slide(Reveal.getIndices(document.getElementById('counting-crates')).h)
        const visible = () => document.querySelectorAll('#counting-crates pre code.fragment.visible').length
        const steps = [visible()]
        Reveal.next(); steps.push(visible())
        // Each step lies exactly over the first, inside the code block.
        const [first, next] = [...document.querySelectorAll('#counting-crates pre code')].map((c) => c.getBoundingClientRect())
        steps.push(['left', 'top', 'width', 'height'].every((k) => Math.abs(first[k] - next[k]) < 1) ? 1 : 0)
        const summer = getComputedStyle(document.querySelector('#summer h2')).color
        const rain = getComputedStyle(document.querySelector('#summer-rain h2')).color
        return { steps, light: lum(summer) > 0.8, dark: lum(rain) < 0.3 }
      })()`,
    )
    expect(facts).toEqual({ steps: [0, 1, 1], light: true, dark: true })
  })

  it('puts a split picture beside the content, not over it', async () => {
    const built = await build('dialect-marp')
    const id = built.slides.find((s) => s.layout === 'split')!.id
    const boxes = await inDeck<{ media: DOMRect; main: DOMRect }>(
      built,
      `(() => {
        Reveal.slide(Reveal.getIndices(document.getElementById(${JSON.stringify(id)})).h)
        const s = document.getElementById(${JSON.stringify(id)})
        return { media: s.querySelector('.dh-split-media').getBoundingClientRect().toJSON(), main: s.querySelector('.dh-main h2').getBoundingClientRect().toJSON() }
      })()`,
    )
    // `![bg right:40%]`: the picture takes the right 40%, the heading stays left of it.
    expect(boxes.media.width).toBeGreaterThan(1280 * 0.38)
    expect(boxes.media.width).toBeLessThan(1280 * 0.42)
    expect(boxes.main.right).toBeLessThanOrEqual(boxes.media.left + 1)
  })
})
