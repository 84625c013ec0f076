// PDF part of `npm run bench`: each product of `deckhand pdf` as a whole process, against the
// floor (Chromium printing as many static pages in one page.pdf() call) measured in this run.
import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const PRODUCTS = [
  ['slides.pdf', ['--handout', 'none'], 1.3],
  ['handout notes', ['--no-slides', '--handout', 'notes'], 1.5],
  ['handout 2-up', ['--no-slides', '--handout', '2-up'], 1.5],
  ['handout 3-up', ['--no-slides', '--handout', '3-up'], 1.5],
  ['handout 6-up', ['--no-slides', '--handout', '6-up'], 1.5],
  ['handout outline', ['--no-slides', '--handout', 'outline'], 1.5],
]

function pages(file) {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0)
}

export async function benchPdf({ cli, root, size, measure, time, fmt }) {
  const rows = []
  const floorFile = path.join(root, 'floor.pdf')
  const floor = measure('floor', () => time(process.execPath, [path.join(here, 'print-floor.mjs'), String(size), floorFile]))
  console.log(`${String(size).padStart(5)} slides  floor           ${fmt(floor.ms).padStart(8)}  (${pages(floorFile)} static pages, one page.pdf())`)
  for (const [label, flags, target] of PRODUCTS) {
    const out = path.join(root, 'dist', 'bench')
    const run = measure(label, () => time(process.execPath, [cli, 'pdf', 'bench', '--root', root, ...flags]))
    const file = label === 'slides.pdf' ? 'slides.pdf' : `handout-${label.split(' ')[1]}.pdf`
    const ratio = run.ms / floor.ms
    const verdict = ratio <= target ? 'within' : 'OVER'
    console.log(
      `${String(size).padStart(5)} slides  ${label.padEnd(16)}${fmt(run.ms).padStart(8)}  ${ratio.toFixed(2)}x floor (${verdict} ${target}x)  ${pages(path.join(out, file))} pages`,
    )
    rows.push({ size, product: label, ms: run.ms, ratio, target })
  }
  await rm(floorFile, { force: true })
  return rows
}
