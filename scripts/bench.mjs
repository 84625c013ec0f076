// npm run bench: times whole `deckhand` processes on generated decks (median of runs), and
// reports each next to a baseline measured in the same run, since these machines are noisy.
// Flags: --sizes=20,200,1000  --runs=5  --no-pdf  --peer (also time Marp CLI on the same slides; with memory, its PDF size at 1,000 slides)
//        --no-rich (skip the 200-slide deck with 20 diagrams and 40 formulas)
//        --products=slides,notes (only the PDF products whose names contain these)
//        --export-sizes=200 (sizes at which the PowerPoint, PNG and picture PowerPoint exports are timed against slides.pdf; none: skip)
//        --no-live (skip the example deck's whole pdf against slides.pdf only, and the warm reprints
//        under serve --pdf); --no-memory (skip peak PSS and the PDF's size at 1,000 slides)
//        --browser=PATH|embedded (the Chromium every print uses, as CHROME_PATH; default: the one deckhand finds)
import { spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateBenchProject } from './generate-bench-deck.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')
const cli = path.join(repo, 'bin', 'deckhand.js')
const args = process.argv.slice(2)
const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '20,200,1000').split(',').map(Number)
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5)
const withPdf = !args.includes('--no-pdf')
const withPeer = args.includes('--peer')
const only = args.find((a) => a.startsWith('--products='))?.slice(11).split(',')
const withRich = !args.includes('--no-rich')
const withLive = !args.includes('--no-live')
const withMemory = !args.includes('--no-memory')
const browserFlag = args.find((a) => a.startsWith('--browser='))?.slice(10)
const exportSizes = (args.find((a) => a.startsWith('--export-sizes='))?.slice(15) ?? '200').split(',').map(Number)

function time(command, commandArgs, env = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', env: { ...process.env, ...env } })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr}${result.stdout}`)
  return ms
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function measure(label, fn) {
  fn() // warm the file cache
  const samples = Array.from({ length: runs }, fn)
  return { label, ms: median(samples), samples }
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)

async function main() {
  const benchRoot = path.join(repo, '.bench')
  await rm(benchRoot, { recursive: true, force: true })
  const nodeStart = measure('node startup', () => time(process.execPath, ['-e', '']))
  console.log(`baseline: bare node process ${fmt(nodeStart.ms)} (median of ${runs}); ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  // What every command pays before it reads a deck: the builds below add their slides to it.
  const startup = measure('deckhand --version', () => time(process.execPath, [cli, '--version']))
  console.log(`start-up: deckhand --version ${fmt(startup.ms)} (${(startup.ms / nodeStart.ms).toFixed(1)}x a bare node process)`)
  // Which Chromium prints matters as much as the code: Chrome's full build in its headless mode
  // took about twice the CPU of the embedded headless shell for the same print here.
  const { findBrowser } = await import('../lib/browser/find-browser.js')
  const { embeddedBrowserEnv } = await import('../lib/browser/unpack-embedded-browser.js')
  process.env.CHROME_PATH = await findBrowser({ env: process.env, ...(browserFlag && { explicit: browserFlag }) })
  // The floor and Marp CLI launch it themselves: the embedded one needs its font configuration.
  Object.assign(process.env, embeddedBrowserEnv(process.env.CHROME_PATH))
  const version = spawnSync(process.env.CHROME_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(`browser: ${process.env.CHROME_PATH} (${version || 'version unknown'})`)
  const rows = []
  if (withLive) {
    const { benchExamplePdf, benchWarmReprint } = await import('./bench-live.mjs')
    rows.push(...(await benchExamplePdf({ repo, cli, runs, time, median, fmt })))
    rows.push(...(await benchWarmReprint({ repo, cli, benchRoot, runs, time, median, fmt })))
  }
  for (const size of sizes) {
    const root = await generateBenchProject(path.join(benchRoot, String(size)), size)
    const build = measure(`build ${size}`, () => time(process.execPath, [cli, 'build', 'bench', '--root', root]))
    rows.push({ size, product: 'build (HTML)', ms: build.ms, ratio: build.ms / nodeStart.ms, base: 'node' })
    const buildTarget = size === 1000 ? ` (target 0.5 s: ${build.ms < 500 ? 'met' : 'NOT met'})` : ''
    console.log(`${String(size).padStart(5)} slides  build           ${fmt(build.ms).padStart(8)}  (${(build.ms / nodeStart.ms).toFixed(1)}x a bare node process)${buildTarget}`)
    if (withRich && size === 200) {
      const { benchRich } = await import('./bench-rich.mjs')
      rows.push(...(await benchRich({ benchRoot, size, cli, runs, time, median, fmt })))
      const { benchServeRich } = await import('./bench-live.mjs')
      rows.push(...(await benchServeRich({ cli, benchRoot, runs, median, fmt })))
    }
    if (withPeer) {
      const { benchPeer } = await import('./bench-peer.mjs')
      rows.push(...(await benchPeer({ benchRoot, root, size, measure, time, fmt, deckhandMs: build.ms })))
    }
    if (withPdf) {
      const { benchPdf } = await import('./bench-pdf.mjs')
      for (const row of await benchPdf({ cli, root, size, runs, time, median, fmt, only })) rows.push(row)
      if (withMemory && size === 1000) {
        const { benchMemory } = await import('./bench-memory.mjs')
        rows.push(...(await benchMemory({ cli, root, size, fmt })))
        if (withPeer) {
          const { benchPeerPdfSize } = await import('./bench-peer.mjs')
          rows.push(...(await benchPeerPdfSize({ benchRoot, root, size, slidesPdf: path.join(root, 'dist', 'bench', 'slides.pdf') })))
        }
      }
    }
    if (exportSizes.includes(size)) {
      const { benchExport } = await import('./bench-export.mjs')
      rows.push(...(await benchExport({ cli, root, size, runs, time, median, fmt })))
    }
  }
  return rows
}

main().catch((err) => {
  console.error(err.message)
  process.exitCode = 1
})
