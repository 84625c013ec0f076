// npm run bench, diagrams and formulas: the same 200-slide deck with 20 diagrams and 40 formulas,
// built cold (empty diagram cache: Chromium draws them all) and warm (cache kept, one line of
// text changed before each build, as when a talk is edited), next to the plain deck built in
// turns with it, since these machines drift.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateBenchProject } from './generate-bench-deck.mjs'

export async function benchRich({ benchRoot, size, cli, runs, time, median, fmt }) {
  const plain = path.join(benchRoot, `${size}`)
  const rich = await generateBenchProject(path.join(benchRoot, `${size}-rich`), size, true)
  const cache = await mkdtemp(path.join(os.tmpdir(), 'deckhand-bench-cache-'))
  const env = { DECKHAND_CACHE_DIR: cache }
  const build = (root) => time(process.execPath, [cli, 'build', 'bench', '--root', root], env)
  const chapter = path.join(rich, 'content', 'bench', '001-part.md')
  const original = await readFile(chapter, 'utf8')
  const samples = { plain: [], cold: [], warm: [] }
  try {
    for (let run = 0; run < runs; run++) {
      samples.plain.push(build(plain))
      await rm(cache, { recursive: true, force: true })
      samples.cold.push(build(rich))
      await writeFile(chapter, original.replace('A lead sentence', `A lead sentence (edit ${run})`))
      samples.warm.push(build(rich))
    }
  } finally {
    await writeFile(chapter, original)
    await rm(cache, { recursive: true, force: true })
  }
  const [p, cold, warm] = [median(samples.plain), median(samples.cold), median(samples.warm)]
  console.log(`${String(size).padStart(5)} slides  +20 diagrams, 40 formulas: cold ${fmt(cold)} (${(cold / p).toFixed(2)}x the plain deck), warm ${fmt(warm)} (${(warm / p).toFixed(2)}x); plain ${fmt(p)}`)
  return [
    { size, product: 'build, diagrams + formulas, cold cache', ms: cold, ratio: cold / p, base: 'plain deck' },
    { size, product: 'build, diagrams + formulas, warm cache, text edited', ms: warm, ratio: warm / p, base: 'plain deck' },
  ]
}
