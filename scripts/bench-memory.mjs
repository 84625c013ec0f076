// npm run bench, memory and size: the peak PSS (proportional set size, so shared pages count
// once) summed over a process and everything below it, sampled every 100 ms from /proc, for
// `deckhand pdf` of slides.pdf and of the notes at 1,000 slides next to the floor's own; and
// slides.pdf's size, with how many times its images are stored against how often they show.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The process and all below it, from ps. */
function tree(root) {
  const children = new Map()
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number)
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  const all = [root]
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []))
  return all
}

function pssKb(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

/**
 * Runs a command to its end; resolves with the peak of the summed PSS of its process tree, in
 * MB, and the node process's own share of that peak (the rest is Chromium's).
 */
function peakPss(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (s) => (err += s))
    let peak = 0
    let node = 0
    const timer = setInterval(() => {
      const own = pssKb(child.pid)
      const total = tree(child.pid).reduce((sum, pid) => sum + (pid === child.pid ? own : pssKb(pid)), 0)
      if (total > peak) [peak, node] = [total, own]
    }, 100)
    child.once('exit', (code) => {
      clearInterval(timer)
      if (code === 0) resolve({ mb: peak / 1024, nodeMb: node / 1024 })
      else reject(new Error(`${args.join(' ')} failed:\n${err}`))
    })
  })
}

/** How many image objects the PDF stores, against how many times pages show one. */
function images(file) {
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())
  const stored = new Set(rows.map((r) => r.trim().split(/\s+/).slice(10, 12).join(' ')))
  // SVG images print as vector forms: counted from the file's object headers.
  const text = readFileSync(file).toString('latin1')
  return { shown: rows.length, stored: stored.size, forms: text.match(/\/Subtype\s*\/Form/g)?.length ?? 0 }
}

export async function benchMemory({ cli, root, size, fmt }) {
  const out = path.join(root, 'dist', 'bench')
  const floorFile = path.join(root, 'floor-memory.pdf')
  const floorRun = await peakPss(process.execPath, [path.join(here, 'print-floor.mjs'), String(size), floorFile])
  const slidesRun = await peakPss(process.execPath, [cli, 'pdf', 'bench', '--root', root, '--handout', 'none'])
  const notesRun = await peakPss(process.execPath, [cli, 'pdf', 'bench', '--root', root, '--no-slides', '--handout', 'notes'])
  const [floor, slides, notes] = [floorRun.mb, slidesRun.mb, notesRun.mb]
  const verdict = (mb) => `${mb.toFixed(0)} MB, ${(mb / floor).toFixed(2)}x the floor (${mb <= floor ? 'met' : 'NOT met'})`
  console.log(`${String(size).padStart(5)} slides  peak PSS over all processes: floor ${floor.toFixed(0)} MB; slides.pdf ${verdict(slides)}; notes ${verdict(notes)}`)
  const nodeShare = (run) => `${run.nodeMb.toFixed(0)} MB`
  console.log(`${String(size).padStart(5)} slides  node's own share of each peak: floor ${nodeShare(floorRun)}; slides.pdf ${nodeShare(slidesRun)}; notes ${nodeShare(notesRun)}`)
  const file = path.join(out, 'slides.pdf')
  const bytes = statSync(file).size
  const img = images(file)
  console.log(`${String(size).padStart(5)} slides  slides.pdf ${(bytes / 1e6).toFixed(2)} MB (floor's ${(statSync(floorFile).size / 1e6).toFixed(2)} MB); raster images shown ${img.shown} times, stored ${img.stored} times; ${img.forms} vector forms`)
  return [
    { size, product: 'peak PSS, slides.pdf', mb: slides, floorMb: floor, ratio: slides / floor },
    { size, product: 'peak PSS, notes', mb: notes, floorMb: floor, ratio: notes / floor },
    { size, product: 'slides.pdf size', mb: bytes / 1e6, imagesShown: img.shown, imagesStored: img.stored, forms: img.forms },
  ]
}
