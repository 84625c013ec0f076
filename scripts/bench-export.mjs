// Export part of `npm run bench`: `deckhand export --to pptx`, `--to png` and `--to pptx-images`
// as whole processes, timed in turns with `deckhand pdf` printing slides.pdf of the same deck
// (each builds the deck first), and reported as ratios to it.
import path from 'node:path'
import { readdirSync, statSync } from 'node:fs'

export async function benchExport({ cli, root, size, runs, time, median, fmt }) {
  const out = path.join(root, 'dist', 'bench')
  const slidesPdf = () => time(process.execPath, [cli, 'pdf', 'bench', '--root', root, '--handout', 'none'])
  const exports = [
    { product: 'pptx', run: () => time(process.execPath, [cli, 'export', 'bench', '--root', root, '--to', 'pptx']), bytes: () => statSync(path.join(out, 'bench.pptx')).size },
    { product: 'png', run: () => time(process.execPath, [cli, 'export', 'bench', '--root', root, '--to', 'png']), bytes: () => sum(readdirSync(out).filter((n) => /^slide-\d+\.png$/.test(n)).map((n) => statSync(path.join(out, n)).size)) },
    { product: 'pptx-images', run: () => time(process.execPath, [cli, 'export', 'bench', '--root', root, '--to', 'pptx-images']), bytes: () => statSync(path.join(out, 'bench-pictures.pptx')).size },
  ]
  slidesPdf()
  for (const e of exports) e.run() // warm the file cache, Chromium's and the export libraries'
  const pdfRuns = []
  const samples = exports.map(() => [])
  for (let i = 0; i < runs; i++) {
    pdfRuns.push(slidesPdf())
    exports.forEach((e, k) => samples[k].push(e.run()))
  }
  const baseMs = median(pdfRuns)
  return exports.map((e, k) => {
    const ms = median(samples[k])
    console.log(`${String(size).padStart(5)} slides  ${e.product.padEnd(15)} ${fmt(ms).padStart(8)}  slides.pdf ${fmt(baseMs).padStart(7)}  ${(ms / baseMs).toFixed(2)}x slides.pdf  ${(e.bytes() / 1024 / 1024).toFixed(1)} MB`)
    return { size, product: e.product, ms, baseMs, ratio: ms / baseMs, base: 'slides.pdf' }
  })
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0)
}
