// `deckhand check` through the real CLI and real Chromium: the planted-problems fixture is caught
// problem by problem with file and line; the example deck and a fresh `deckhand new` deck pass clean.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FIXTURE = path.join(ROOT, 'tests/fixtures/check-problems')
const CHAPTERS = 'tests/fixtures/check-problems/content/talk'

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function deckhand(args: readonly string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A project in a temp folder with one deck `name` made of `files` (deck.yml, chapters). */
async function makeProject(prefix: string, name: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `deckhand-e2e-${prefix}-`))
  await writeFile(path.join(dir, 'package.json'), '{ "private": true }\n')
  await mkdir(path.join(dir, 'content', name), { recursive: true })
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, 'content', name, file), text)
  return dir
}

describe('deckhand check', () => {
  let problems: Run
  beforeAll(async () => {
    problems = await deckhand(['check', '--root', FIXTURE], ROOT)
  }, 120_000)

  it('fails on the planted problems', () => {
    expect(problems.code).toBe(1)
    expect(problems.stdout).toMatch(/4 errors, 3 warnings/)
  })

  it.each([
    ['an overflowing slide, with how much', `${CHAPTERS}/01-overflow.md:5:1  error  Slide content overflows the slide frame by \\d+ px at the bottom \\(\\d+% of the slide's 720 px height\\)`],
    ['a link to a missing file', `${CHAPTERS}/02-links.md:8:\\d+  error  Link "handout-missing.pdf" names a missing file`],
    ['a link to a missing slide', `${CHAPTERS}/02-links.md:9:\\d+  error  Link "#/no-such-slide" names no slide`],
    ['an image far larger than shown', `${CHAPTERS}/02-links.md:18:\\d+  warning  Image "media/images/big.png" is 3000x2000 px but shown at \\d+x\\d+`],
    ['characters no font has (Cherokee)', `${CHAPTERS}/03-glyphs.md:7:\\d+  error  No font has "Ꮳ" \\(U\\+13E3\\)`],
    ['characters only a system font has (Tifinagh)', `${CHAPTERS}/03-glyphs.md:9:\\d+  warning  The theme's fonts lack "ⵜ" \\(U\\+2D5C\\)`],
    ['a talk longer than planned', `${CHAPTERS}/deck.yml:5:1  warning  The talk runs about 1\\.6 minutes at 130 words a minute, 0\\.4 over the planned 1\\.2`],
  ])('names %s with file and line', (_what, pattern) => {
    expect(problems.stderr).toMatch(new RegExp(pattern))
  })

  it('does not name the slide that fits or the links that work', () => {
    expect(problems.stderr).not.toMatch(/01-overflow\.md:2\d:/)
    expect(problems.stderr).not.toContain('#/a-slide-that-fits')
    expect(problems.stderr).not.toContain('example.com')
  })

  it('prints the talk length per chapter and in total', () => {
    expect(problems.stdout).toMatch(/talk length at 130 words a minute: about 1\.6 minutes, over the planned 1\.2/)
    expect(problems.stdout).toMatch(/1 {2}Overflow +3 +\d+ +\d+\.\d/)
    expect(problems.stdout).toMatch(/total +10 +\d+ +\d+\.\d/)
  })

  it('takes --rate, and --strict makes warnings errors', async () => {
    const fast = await deckhand(['check', '--root', FIXTURE, '--rate', '2000', '--strict'])
    expect(fast.stdout).toMatch(/talk length at 2000 words a minute/)
    expect(fast.stderr).not.toMatch(/The talk runs about/)
    expect(fast.stderr).toMatch(/02-links\.md:18:\d+ {2}error {2}Image "media\/images\/big\.png"/)
    expect(fast.stdout).toMatch(/6 errors, 0 warnings/)
    expect(fast.code).toBe(1)
  }, 120_000)

  it('passes the example deck clean', async () => {
    const run = await deckhand(['check', 'pytorch-story'])
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/0 errors, 0 warnings: ready to present/)
    expect(run.stdout).toMatch(/within the planned 45/)
    expect(run.code).toBe(0)
  }, 120_000)

  describe('a deck made by deckhand new', () => {
    let project: string
    beforeAll(async () => {
      project = await mkdtemp(path.join(os.tmpdir(), 'deckhand-e2e-new-'))
      await writeFile(path.join(project, 'package.json'), '{ "private": true }\n')
    })
    afterAll(() => rm(project, { recursive: true, force: true }))

    it('passes check with no errors or warnings', async () => {
      expect((await deckhand(['new', 'starter', '--title', 'Starter deck'], project)).code).toBe(0)
      const run = await deckhand(['check', 'starter'], project)
      expect(run.stderr).toBe('')
      expect(run.stdout).toMatch(/0 errors, 0 warnings/)
      expect(run.code).toBe(0)
    }, 120_000)
  })

  describe('a deck in Chinese only', () => {
    let project: string
    beforeAll(async () => {
      project = await makeProject('zh', 'zh', {
        'deck.yml': 'title: 深度学习的故事\nlang: zh-CN\n',
        '01.md': '---\ntitle: 第一章\n---\n## 研究方法\n\n- 深度学习改变了研究\n- 简单直接 发展历史\n\nNote: 这是演讲者的笔记。\n',
      })
    })
    afterAll(() => rm(project, { recursive: true, force: true }))

    it('reports none of its characters as missing (the PDF draws them all)', async () => {
      const run = await deckhand(['check', 'zh'], project)
      expect(run.stderr).not.toMatch(/glyph|font/i)
      expect(run.stdout).toMatch(/0 errors, 0 warnings/)
      expect(run.code).toBe(0)
    }, 120_000)
  })

  describe('a deck with formulas', () => {
    let project: string
    beforeAll(async () => {
      const terms = Array.from({ length: 60 }, (_, i) => `x_{${i}}^{2}`).join(' + ')
      project = await makeProject('math', 'm', {
        'deck.yml': 'title: Formulas\n',
        '01.md': `## One that fits\n\n$$\\sum_{i=1}^{n} x_i^2$$\n\n---\n\n## One too wide\n\n$$${terms}$$\n`,
      })
    })
    afterAll(() => rm(project, { recursive: true, force: true }))

    it("measures them like any other content: one too wide overflows, at its slide's line", async () => {
      const run = await deckhand(['check', 'm'], project)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/content\/m\/01\.md:7:\d+ {2}error {2}Slide content overflows the slide frame by \d+ px at the right/)
      expect(run.stderr).not.toMatch(/01\.md:[1-3]:/)
    }, 120_000)
  })

  describe('a deck that asks for a file on the network', () => {
    let project: string
    beforeAll(async () => {
      project = await makeProject('blocked', 'b', {
        'deck.yml': 'title: Remote\n',
        '01.md': '## First\n\nText.\n\n---\n\n## Second\n\n![a pixel](http://192.0.2.1/pixel.png)\n',
      })
    })
    afterAll(() => rm(project, { recursive: true, force: true }))

    it('reports the blocked request at the line that names it', async () => {
      const run = await deckhand(['check', 'b'], project)
      expect(run.stderr).toMatch(/content\/b\/01\.md:9:\d+ {2}warning {2}The deck asks for http:\/\/192\.0\.2\.1\/pixel\.png/)
    }, 120_000)
  })
})
