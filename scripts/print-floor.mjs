// The floor for printing: Chromium printing N pages of static HTML in one page.pdf() call,
// through puppeteer-core, as a whole process. Usage: node scripts/print-floor.mjs N OUT.pdf
// [--deckhand-flags]: with the flag, Chromium gets deckhand's own command-line flags (a
// stricter floor: they turn off work headless Chromium does by default).
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import puppeteer from 'puppeteer-core'

const [count, out] = [Number(process.argv[2]), process.argv[3]]
const page = (i) =>
  `<section><h2>Point ${i}: why it matters</h2><p>A lead sentence that frames the slide for the room.</p>` +
  `<ul><li>First bullet with <b>bold</b> and <code>code</code></li><li>Second bullet with a <a href="https://example.com/${i}">link</a></li>` +
  `<li>Third bullet that is a little longer than the others</li><li>Fourth bullet</li></ul></section>`
const html = `<!doctype html><meta charset="utf-8"><style>@page{size:1280px 720px;margin:0}body{margin:0;font-family:sans-serif}
section{width:1280px;height:720px;box-sizing:border-box;padding:60px;break-after:page;overflow:hidden}h2{font-size:44px}li,p{font-size:28px}</style>
${Array.from({ length: count }, (_, i) => page(i + 1)).join('\n')}`

const profile = mkdtempSync(path.join(os.tmpdir(), 'floor-'))
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const args = process.argv.includes('--deckhand-flags')
  ? [...(await import('../lib/browser/open-browser.js')).CHROMIUM_FLAGS]
  : ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
if (process.getuid?.() === 0) args.push('--no-sandbox')
const browser = await puppeteer.launch({ executablePath, headless: true, args, userDataDir: profile })
try {
  const tab = await browser.newPage()
  await tab.setContent(html, { waitUntil: 'load' })
  await writeFile(out, await tab.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 0 }))
} finally {
  await browser.close()
  rmSync(profile, { recursive: true, force: true })
}
