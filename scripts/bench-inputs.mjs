// npm run bench:inputs: times the pathological chapters of scripts/pathological-inputs.mjs
// (parse + slides, CPU time in a fresh process each, which a loaded machine disturbs least), each
// at two sizes, next to ordinary paragraphs of the same size measured in the same run; then a
// chapter of paragraphs as a whole `deckhand build` at 1 MB and 10 MB (CPU time too). Linear
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

/** CPU milliseconds of a whole `deckhand build` of `root`, run in this process. */
async function buildDeckOnce(root) {
  const { main } = await import('../lib/bundle/deckhand.mjs')
  const started = process.cpuUsage()
  const code = await main(['build', 'big', '--root', root], { cwd: root, out: () => {}, err: (s) => process.stderr.write(`${s}\n`), isTty: false, verbose: false, failed: false })
  const used = process.cpuUsage(started)
  if (code !== 0) throw new Error('build failed')
  return (used.user + used.system) / 1000
}

async function benchBigChapter() {
  const results = []
  for (const megabytes of [1, 10]) {
    const root = path.join(repo, '.bench', `chapter-${megabytes}mb`)
    await rm(root, { recursive: true, force: true })
    await mkdir(path.join(root, 'content', 'big'), { recursive: true })
    await writeFile(path.join(root, 'package.json'), '{ "private": true }\n')
    await writeFile(path.join(root, 'content', 'big', 'deck.yml'), 'title: Big\n')
    await writeFile(path.join(root, 'content', 'big', '01-big.md'), `## Big\n\n${PATHOLOGICAL_INPUTS[0].make(megabytes * 1_000_000)}`)
    const samples = Array.from({ length: runs }, () => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--build=${root}`], { encoding: 'utf8' })
      if (child.status !== 0) throw new Error(child.stderr)
      return Number(child.stdout)
    })
    results.push(median(samples))
    await rm(root, { recursive: true, force: true })
  }
  console.log(`a chapter of paragraphs, whole deckhand build (CPU): 1 MB ${fmt(results[0])}, 10 MB ${fmt(results[1])} (x${(results[1] / results[0]).toFixed(1)} for 10x the text)`)
}

const one = args.find((a) => a.startsWith('--one='))
const build = args.find((a) => a.startsWith('--build='))
if (one) {
  process.stdout.write(String(buildOnce(Number(one.slice(6)), size)))
} else if (build) {
  process.stdout.write(String(await buildDeckOnce(build.slice(8))))
} else {
  benchInputs()
  await benchBigChapter()
}
