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

/**
 * Each product is timed in turns with the floor (floor, product, floor, product …), and its
 * ratio is to the floor runs taken beside it: these machines drift by tens of percent over
 * minutes, so a floor measured once at the start would not be a baseline for the last product.
 */
export async function benchPdf({ cli, root, size, runs, time, median, fmt, only }) {
  const rows = []
  const floorFile = path.join(root, 'floor.pdf')
  const printFloor = (...flags) => time(process.execPath, [path.join(here, 'print-floor.mjs'), String(size), floorFile, ...flags])
  const floor = () => printFloor()
  floor() // warm the file cache and Chromium's own
  console.log(`${String(size).padStart(5)} slides  floor: Chromium printing ${pages(floorFile)} static pages with one page.pdf(), timed in turns with each product`)
  // The floor as the targets define it launches Chromium as puppeteer does. Given deckhand's
  // own flags, which turn off work headless Chromium does unseen, it is faster: shown here
  // so that the ratios below can be read against that stricter floor too.
  const strict = () => printFloor('--deckhand-flags')
  const [plainRuns, strictRuns] = [[], []]
  for (let i = 0; i < runs; i++) {
    plainRuns.push(floor())
    strictRuns.push(strict())
  }
  const strictShare = median(strictRuns) / median(plainRuns)
  console.log(`${String(size).padStart(5)} slides  floor with deckhand's Chromium flags: ${fmt(median(strictRuns))}, ${strictShare.toFixed(2)}x the floor`)
  for (let [label, flags, target] of PRODUCTS.filter(([label]) => !only || only.some((o) => label.includes(o)))) {
    const out = path.join(root, 'dist', 'bench')
    const product = () => time(process.execPath, [cli, 'pdf', 'bench', '--root', root, ...flags])
    product()
    const floorRuns = []
    const productRuns = []
    for (let i = 0; i < runs; i++) {
      floorRuns.push(floor())
      productRuns.push(product())
    }
    const [floorMs, ms] = [median(floorRuns), median(productRuns)]
    const file = label === 'slides.pdf' ? 'slides.pdf' : `handout-${label.split(' ')[1]}.pdf`
    // At 1,000 slides the targets are tighter: slides.pdf within 1.1x the floor, handouts 1.3x.
    if (size >= 1000) target = label === 'slides.pdf' ? 1.1 : 1.3
    const ratio = ms / floorMs
    const verdict = ratio <= target ? 'within' : 'OVER'
    console.log(
      `${String(size).padStart(5)} slides  ${label.padEnd(16)}${fmt(ms).padStart(8)}  floor ${fmt(floorMs).padStart(7)}  ${ratio.toFixed(2)}x (${verdict} ${target}x; ${(ratio / strictShare).toFixed(2)}x the stricter floor)  ${pages(path.join(out, file))} pages`,
    )
    rows.push({ size, product: label, ms, floorMs, ratio, target })
  }
  await rm(floorFile, { force: true })
  return rows
}
