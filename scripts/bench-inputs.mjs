// npm run bench:inputs: times the pathological chapters of scripts/pathological-inputs.mjs
// (parse + slides, CPU time in a fresh process each, which a loaded machine disturbs least), each
// at two sizes, next to ordinary paragraphs of the same size measured in the same run; then a
// 10 MB chapter of paragraphs as a whole `deckhand build`, next to a bare node process. Linear
// means: growth close to the size ratio, and a ratio to the baseline that does not grow with the
// size. Flags: --size=100000 --runs=3
import { spawnSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseChapter } from '../lib/content/parse-chapter.js'
import { resolveDeckConfig } from '../lib/project/resolve-config.js'
import { buildSlides } from '../lib/slides/build-slides.js'
import { PATHOLOGICAL_INPUTS } from './pathological-inputs.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const size = Number(args.find((a) => a.startsWith('--size='))?.slice(7) ?? 100_000)
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3)
const GROWTH = 4
const deck = resolveDeckConfig('title: Bench\n', '/bench/deck.yml').value

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** CPU milliseconds of one build of input `index` at `chars`, in this process. */
function buildOnce(index, chars) {
  const text = PATHOLOGICAL_INPUTS[index].make(chars)
  const started = process.cpuUsage()
  const chapter = parseChapter('/bench/01.md', text)
  buildSlides({ deck, deckDir: '/bench', chapters: [chapter.value] })
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}

function timeBuild(index, chars) {
  const script = fileURLToPath(import.meta.url)
  const samples = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [script, `--one=${index}`, `--size=${chars}`], { encoding: 'utf8' })
    if (child.status !== 0) throw new Error(child.stderr)
    return Number(child.stdout)
  })
  return median(samples)
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)

function benchInputs() {
  const [baseline, ...cases] = PATHOLOGICAL_INPUTS
  const base = [timeBuild(0, size), timeBuild(0, size * GROWTH)]
  console.log(`baseline ${baseline.name}: ${fmt(base[0])} CPU at ${size} chars, ${fmt(base[1])} at ${size * GROWTH} (x${(base[1] / base[0]).toFixed(1)})`)
  console.log(`${'input'.padEnd(34)} ${'time'.padStart(8)} ${'x' + GROWTH + ' size'.padStart(4)}  growth  vs baseline`)
  for (const [i, input] of cases.entries()) {
    const small = timeBuild(i + 1, size)
    const large = timeBuild(i + 1, size * GROWTH)
    const ratio = `${(small / base[0]).toFixed(2)}x -> ${(large / base[1]).toFixed(2)}x`
    console.log(`${input.name.padEnd(34)} ${fmt(small).padStart(8)} ${fmt(large).padStart(8)}  x${(large / small).toFixed(1).padEnd(5)} ${ratio}`)
  }
}

async function benchBigChapter() {
  const root = path.join(repo, '.bench', 'big-chapter')
  await rm(root, { recursive: true, force: true })
  await mkdir(path.join(root, 'content', 'big'), { recursive: true })
  await writeFile(path.join(root, 'package.json'), '{ "private": true }\n')
  await writeFile(path.join(root, 'content', 'big', 'deck.yml'), 'title: Big\n')
  await writeFile(path.join(root, 'content', 'big', '01-big.md'), `## Big\n\n${PATHOLOGICAL_INPUTS[0].make(10_000_000)}`)
  const run = (argv) => {
    const started = performance.now()
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(result.stderr)
    return performance.now() - started
  }
  const node = median(Array.from({ length: runs }, () => run(['-e', ''])))
  const build = median(Array.from({ length: runs }, () => run([path.join(repo, 'bin', 'deckhand.js'), 'build', 'big', '--root', root])))
  console.log(`10 MB chapter of paragraphs: deckhand build ${fmt(build)} (${(build / node).toFixed(0)}x a bare node process, ${fmt(node)})`)
  await rm(root, { recursive: true, force: true })
}

const one = args.find((a) => a.startsWith('--one='))
if (one) {
  process.stdout.write(String(buildOnce(Number(one.slice(6)), size)))
} else {
  benchInputs()
  await benchBigChapter()
}
