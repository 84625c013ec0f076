// Export part of `npm run bench`: `deckhand export --to pptx` as a whole process, timed in
// turns with `deckhand pdf` printing slides.pdf of the same deck (both build the deck first),
// and reported as a ratio to it.
import path from 'node:path'
import { statSync } from 'node:fs'

export async function benchExport({ cli, root, size, runs, time, median, fmt }) {
  const slidesPdf = () => time(process.execPath, [cli, 'pdf', 'bench', '--root', root, '--handout', 'none'])
  const pptx = () => time(process.execPath, [cli, 'export', 'bench', '--root', root, '--to', 'pptx'])
  slidesPdf()
  pptx() // warm the file cache, Chromium's and the export libraries'
  const [pdfRuns, pptxRuns] = [[], []]
  for (let i = 0; i < runs; i++) {
    pdfRuns.push(slidesPdf())
    pptxRuns.push(pptx())
  }
  const [baseMs, ms] = [median(pdfRuns), median(pptxRuns)]
  const bytes = statSync(path.join(root, 'dist', 'bench', 'bench.pptx')).size
  console.log(`${String(size).padStart(5)} slides  pptx            ${fmt(ms).padStart(8)}  slides.pdf ${fmt(baseMs).padStart(7)}  ${(ms / baseMs).toFixed(2)}x slides.pdf  ${(bytes / 1024 / 1024).toFixed(1)} MB`)
  return [{ size, product: 'pptx', ms, baseMs, ratio: ms / baseMs, base: 'slides.pdf' }]
}
