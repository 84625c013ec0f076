// Run as a child process by the interrupt test: writes a big fixture deck into argv[2] and
// prints it, announcing each product on stdout so the parent knows when to interrupt.
import { exportPdfs } from '../../../src/pdf/export-pdfs.js'
import { writeFixtureDeck } from './fixture-deck.js'

const [outDir, extra] = process.argv.slice(2)
const fixture = await writeFixtureDeck(outDir!, Number(extra ?? 1000), { name: 'big' })
await exportPdfs(fixture, {
  products: ['slides', '3-up'],
  paper: 'A4',
  timeoutMs: 120_000,
  onProgress: (e) => process.stdout.write(`${e.phase} ${e.product}\n`),
})
process.stdout.write('finished\n')
