// npm run bench, live print: the example deck's whole `deckhand pdf` against its slides.pdf-only
// run (in turns), and the warm reprint after a one-note edit under `serve --pdf`, from the save
// to the new notes PDF on disk, for the example deck and a 200-slide deck, each next to a
// one-off `deckhand pdf` of the notes alone measured in the same run.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateBenchProject } from './generate-bench-deck.mjs'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Whole `pdf` of the example deck (its four products) against slides.pdf only, in turns. */
export async function benchExamplePdf({ repo, cli, runs, time, median, fmt }) {
  const root = await exampleProject(repo)
  try {
    const pdf = (...flags) => time(process.execPath, [cli, 'pdf', 'pytorch-story', '--root', root, ...flags])
    pdf()
    const [whole, slides] = [[], []]
    for (let i = 0; i < runs; i++) {
      slides.push(pdf('--handout', 'none'))
      whole.push(pdf())
    }
    const [w, s] = [median(whole), median(slides)]
    const ratio = w / s
    console.log(`example deck  pdf, 4 products ${fmt(w).padStart(8)}  slides.pdf only ${fmt(s)}  ${ratio.toFixed(2)}x (target 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'}; under 2.5 s: ${w < 2500 ? 'met' : 'NOT met'})`)
    return [{ size: 'example', product: 'pdf, 4 products vs slides.pdf only', ms: w, baseMs: s, ratio, target: 1.5 }]
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Save-to-PDF time of a one-note edit under `serve --pdf`, for the example deck and 200 slides. */
export async function benchWarmReprint({ repo, cli, benchRoot, runs, time, median, fmt }) {
  const rows = []
  const example = await exampleProject(repo)
  try {
    const cases = [
      { label: 'example deck', root: example, deck: 'pytorch-story', chapter: '02-four-phases.md', note: 'Here is the map for the rest of the talk.', target: 1000 },
      { label: '200 slides', root: await generateBenchProject(path.join(benchRoot, 'live-200'), 200), deck: 'bench', chapter: '001-part.md', note: 'Slide 1 speaker notes.', target: 3000 },
    ]
    for (const c of cases) {
      const oneOff = median(Array.from({ length: runs }, () => time(process.execPath, [cli, 'pdf', c.deck, '--root', c.root, '--no-slides', '--handout', 'notes'])))
      const samples = await reprints(cli, c, runs)
      const ms = median(samples)
      console.log(`${c.label.padStart(12)}  warm reprint after a note edit: ${fmt(ms).padStart(8)} from save to the notes PDF (target ${fmt(c.target)}: ${ms < c.target ? 'met' : 'NOT met'}); one-off pdf of the notes ${fmt(oneOff)}, ${(ms / oneOff).toFixed(2)}x of it`)
      rows.push({ size: c.label, product: 'warm reprint, note edited', ms, baseMs: oneOff, ratio: ms / oneOff, targetMs: c.target })
    }
  } finally {
    await rm(example, { recursive: true, force: true })
  }
  return rows
}

async function reprints(cli, c, runs) {
  const child = spawn(process.execPath, [cli, 'serve', c.deck, '--root', c.root, '--port', '0', '--pdf', '--handout', 'notes', '--no-slides'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (s) => (output += s))
  child.stderr.setEncoding('utf8').on('data', (s) => (output += s))
  const printed = () => (output.match(/^printed /gm) ?? []).length
  const until = async (test, what) => {
    for (const started = Date.now(); !test(); await sleep(5)) if (Date.now() - started > 180_000) throw new Error(`no ${what}:\n${output}`)
  }
  const chapter = path.join(c.root, 'content', c.deck, c.chapter)
  const pdf = path.join(c.root, 'dist', c.deck, 'handout-notes.pdf')
  const original = await readFile(chapter, 'utf8')
  const samples = []
  try {
    await until(() => printed() >= 1, 'first print')
    for (let run = 0; run < runs + 1; run++) {
      const before = (await stat(pdf)).mtimeMs
      const count = printed()
      const started = performance.now()
      await writeFile(chapter, original.replace(c.note, `${c.note} Edit ${run}.`))
      await until(() => printed() > count, 'reprint')
      if ((await stat(pdf)).mtimeMs === before) throw new Error(`the notes PDF was not rewritten:\n${output}`)
      // The first edit warms the builder's caches, as the first saves of a session do.
      if (run > 0) samples.push(performance.now() - started)
    }
  } finally {
    await writeFile(chapter, original)
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  return samples
}

async function exampleProject(repo) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'deckhand-bench-example-'))
  await cp(path.join(repo, 'content', 'pytorch-story'), path.join(root, 'content', 'pytorch-story'), { recursive: true })
  await writeFile(path.join(root, 'package.json'), '{ "private": true }\n')
  return root
}

/**
 * Under `serve`, a save that changed only text in a 200-slide deck with 20 diagrams: the
 * rebuild the server reports, next to the same save in the deck without diagrams.
 */
export async function benchServeRich({ cli, benchRoot, runs, median, fmt }) {
  const cache = await mkdtemp(path.join(os.tmpdir(), 'deckhand-bench-cache-'))
  try {
    const rebuilds = async (root) => {
      const child = spawn(process.execPath, [cli, 'serve', 'bench', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DECKHAND_CACHE_DIR: cache } })
      let output = ''
      child.stdout.setEncoding('utf8').on('data', (s) => (output += s))
      child.stderr.setEncoding('utf8').on('data', (s) => (output += s))
      const built = () => [...output.matchAll(/^built .* in (\d+) ms/gm)].map((m) => Number(m[1]))
      const chapter = path.join(root, 'content', 'bench', '001-part.md')
      const original = await readFile(chapter, 'utf8')
      try {
        for (let started = Date.now(); !/^serving /m.test(output); await sleep(10)) if (Date.now() - started > 180_000) throw new Error(`serve did not start:\n${output}`)
        for (let run = 0; run <= runs; run++) {
          const count = built().length
          await writeFile(chapter, original.replace('A lead sentence', `A lead sentence (edit ${run})`))
          for (let started = Date.now(); built().length === count; await sleep(10)) if (Date.now() - started > 180_000) throw new Error(`no rebuild:\n${output}`)
        }
      } finally {
        await writeFile(chapter, original)
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      // The first is the start's full build, the second warms the caches.
      return median(built().slice(2))
    }
    const plain = await rebuilds(await generateBenchProject(path.join(benchRoot, 'serve-200'), 200))
    const rich = await rebuilds(await generateBenchProject(path.join(benchRoot, 'serve-200-rich'), 200, true))
    console.log(`  200 slides  serve, text edited: with 20 diagrams and 40 formulas ${fmt(rich)} (target well under 1 s: ${rich < 1000 ? 'met' : 'NOT met'}), plain ${fmt(plain)}, ${(rich / plain).toFixed(2)}x`)
    return [{ size: 200, product: 'serve rebuild, diagrams + formulas, text edited', ms: rich, baseMs: plain, ratio: rich / plain }]
  } finally {
    await rm(cache, { recursive: true, force: true })
  }
}
