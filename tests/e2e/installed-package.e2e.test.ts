// deckhand as a user gets it: the packed tarball installed into an empty folder without
// devDependencies, so every library the bundle took in (puppeteer-core, pdf-lib, pptxgenjs,
// jszip, Handlebars, ...) must work from lib/bundle/ alone. The installed command prints a lone
// talk.md and exports it to PowerPoint, and `import('deckhand')` builds a deck from code.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { packAndInstall } from '../../scripts/pack-install.mjs'
import { tempDir, writeFiles } from '../helpers/temp-dir.js'
import { readPptx, xmlText } from './helpers/pptx-package.js'
import { readPdf } from './helpers/read-pdf.js'

const TALK = '---\ntitle: Installed\n---\n\n# First\n\nHello from the installed package\n\n---\n\n## Second\n\n```python\nprint("hi")\n```\n\nNote: a note\n'

let app: string
let talkDir: string
beforeAll(() => {
  const dir = tempDir('deckhand-installed-')
  // `npm test` has just built lib/; the tarball takes it as it is.
  app = packAndInstall(dir, { build: false })
  talkDir = path.join(dir, 'talk-folder')
  writeFiles(talkDir, { 'talk.md': TALK })
}, 300_000)

function installed(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = path.join(app, 'node_modules', '.bin', 'deckhand')
  return spawnSync(bin, args, { cwd: talkDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
}

describe('the packed package installed without devDependencies', () => {
  it('carries none of the bundled libraries in node_modules', () => {
    const modules = readdirSync(path.join(app, 'node_modules'))
    for (const bundled of ['puppeteer-core', 'pdf-lib', 'pptxgenjs', 'jszip', 'handlebars', 'highlight.js', 'zod', 'marked', 'chromium-bidi']) {
      expect(modules).not.toContain(bundled)
    }
    expect(existsSync(path.join(app, 'node_modules', 'deckhand', 'lib', 'bundle', 'THIRD-PARTY-NOTICES.txt'))).toBe(true)
  })

  it('prints a lone talk.md with the installed command', async () => {
    const run = installed('pdf', 'talk.md')
    expect(run.status, run.stderr).toBe(0)
    const pdf = await readPdf(path.join(talkDir, 'talk', 'slides.pdf'))
    expect(pdf.pages).toBe(3) // the title slide, First, Second
    expect(pdf.text.join(' ')).toContain('Hello from the installed package')
    // The python fence is highlighted: its language came from lib/bundle/highlight-languages/.
    expect(readFileSync(path.join(talkDir, 'talk', 'index.html'), 'utf8')).toMatch(/<code class="hljs language-python">.*<span class="hljs-/s)
  })

  it('exports it to PowerPoint (the bundled pptxgenjs and jszip)', async () => {
    const run = installed('export', 'talk.md', '--to', 'pptx')
    expect(run.status, run.stderr).toBe(0)
    const file = readdirSync(path.join(talkDir, 'talk')).find((name) => name.endsWith('.pptx'))
    expect(file).toBeDefined()
    const pptx = await readPptx(path.join(talkDir, 'talk', file!))
    expect(pptx.slides).toHaveLength(3)
    expect(xmlText(pptx.slides[1]!)).toContain('Hello from the installed package')
  })

  it("builds a deck from code through import('deckhand')", () => {
    writeFiles(app, { 'content/talk/deck.yml': 'title: From code\n', 'content/talk/01-start.md': '## From code\n\n- a point\n' })
    const code = [
      "const { loadProject, buildDeck } = await import('deckhand')",
      'const built = await buildDeck(await loadProject({ cwd: process.cwd() }), "talk")',
      'console.log(JSON.stringify({ slides: built.value.slides.length, outDir: built.value.outDir }))',
    ].join('\n')
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: app, encoding: 'utf8' })) as { slides: number; outDir: string }
    expect(out.slides).toBeGreaterThan(0)
    expect(existsSync(path.join(out.outDir, 'index.html'))).toBe(true)
    expect(out.outDir.startsWith(app)).toBe(true)
  })
})
