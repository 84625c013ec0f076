// The preview server keeps answering while a large save rebuilds: the rebuild runs in a worker.
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { tempProject } from '../helpers/temp-dir.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let child: ChildProcess | undefined

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
})

const slide = (i: number): string => `## Slide ${i}\n\n- A point with **bold** and \`code\`\n- Another point\n\nA paragraph that explains it.\n\nNote: Notes for slide ${i}.\n`

it('keeps answering requests while a chapter of 6,000 slides is rebuilt', async () => {
  const root = tempProject({ 'content/x/deck.yml': 'title: X\n', 'content/x/01.md': '# Hello\n' })
  child = spawn(process.execPath, [path.join(ROOT, 'bin/deckhand.js'), 'serve', 'x', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s))
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s))
  const until = async (test: () => boolean, what: string): Promise<void> => {
    for (const started = Date.now(); !test(); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() - started > 90_000) throw new Error(`${what} did not happen:\n${output}`)
    }
  }
  await until(() => /serving x at /.test(output), 'serving')
  const url = /serving x at (http:\/\/\S+?)\//.exec(output)![1]!
  const builds = (): number => output.split('\nbuilt ').length - 1
  const before = builds()
  writeFileSync(path.join(root, 'content/x/01.md'), Array.from({ length: 6000 }, (_, i) => slide(i)).join('\n---\n\n'))
  const latencies: number[] = []
  const started = Date.now()
  while (builds() === before && Date.now() - started < 90_000) {
    const sent = Date.now()
    await fetch(`${url}/index.html`).then((r) => r.arrayBuffer())
    latencies.push(Date.now() - sent)
    await new Promise((r) => setTimeout(r, 50))
  }
  expect(output).toMatch(/6001 slides/)
  expect(latencies.length).toBeGreaterThan(3)
  const buildMs = Date.now() - started
  // Relative to the build, since a loaded machine slows both: in this thread the build would
  // hold every request for all of its time. The last request meets the hand-over of the result.
  expect(Math.max(...latencies.slice(0, -1))).toBeLessThan(buildMs / 4)
}, 180_000)
