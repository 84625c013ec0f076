// Optional part of `npm run bench -- --peer`: Marp CLI, the nearest peer that renders Markdown
// at build time, timed on the same slides in the same run. Installed into .bench/peers (never a
// dependency of deckhand); skipped with a message when it cannot be installed.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

const MARP = '@marp-team/marp-cli@4'

async function installMarp(dir) {
  const bin = path.join(dir, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js')
  if (existsSync(bin)) return bin
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'package.json'), '{ "private": true }\n')
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', MARP], { cwd: dir, stdio: 'ignore' })
  } catch {
    return undefined
  }
  return existsSync(bin) ? bin : undefined
}

/**
 * The bench deck's chapters as one Marp file: front matter dropped, the same slides, their
 * pictures named from where the file is written (else Marp leaves them out of its PDF).
 */
async function marpDeck(root) {
  const deckDir = path.join(root, 'content', 'bench')
  const chapters = (await readdir(deckDir)).filter((f) => f.endsWith('.md')).sort()
  const bodies = await Promise.all(chapters.map(async (f) => (await readFile(path.join(deckDir, f), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')))
  const file = path.join(root, 'marp-deck.md')
  await writeFile(file, bodies.join('\n\n---\n\n').replaceAll('](images/', '](content/bench/images/'))
  return file
}

export async function benchPeer({ benchRoot, root, size, measure, time, fmt, deckhandMs }) {
  const bin = await installMarp(path.join(benchRoot, 'peers'))
  if (!bin) {
    console.log(`${String(size).padStart(5)} slides  Marp CLI        skipped (${MARP} could not be installed)`)
    return []
  }
  const deck = await marpDeck(root)
  const run = measure('marp', () => time(process.execPath, [bin, '--no-stdin', deck, '-o', path.join(root, 'marp.html')]))
  console.log(`${String(size).padStart(5)} slides  Marp CLI (HTML) ${fmt(run.ms).padStart(8)}  deckhand build = ${(deckhandMs / run.ms).toFixed(2)}x Marp`)
  return [{ size, product: 'marp build', ms: run.ms, ratio: deckhandMs / run.ms }]
}

/**
 * The size target: deckhand's slides.pdf no larger than Marp CLI's PDF of the same
 * slides (Marp prints with the same Chromium: CHROME_PATH, else the system's).
 */
export async function benchPeerPdfSize({ benchRoot, root, size, slidesPdf, env = process.env }) {
  const bin = await installMarp(path.join(benchRoot, 'peers'))
  if (!bin) {
    console.log(`${String(size).padStart(5)} slides  Marp CLI's PDF  skipped (${MARP} could not be installed)`)
    return []
  }
  const deck = await marpDeck(root)
  const out = path.join(root, 'marp.pdf')
  const chrome = env.CHROME_PATH ?? '/usr/bin/chromium'
  execFileSync(process.execPath, [bin, '--no-stdin', '--pdf', '--allow-local-files', deck, '-o', out], { stdio: 'ignore', env: { ...env, CHROME_PATH: chrome } })
  const [ours, marp] = [(await stat(slidesPdf)).size, (await stat(out)).size]
  const verdict = ours <= marp ? 'met' : 'NOT met'
  console.log(`${String(size).padStart(5)} slides  slides.pdf ${(ours / 1e6).toFixed(2)} MB against Marp CLI's PDF ${(marp / 1e6).toFixed(2)} MB: ${(ours / marp).toFixed(2)}x (target no larger: ${verdict})`)
  return [{ size, product: 'slides.pdf size vs Marp CLI', mb: ours / 1e6, baseMb: marp / 1e6, ratio: ours / marp, target: 1 }]
}
