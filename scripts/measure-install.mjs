// `npm run size`: what `npm install deckhand` puts on disk, measured in an empty folder from the
// packed tarball, beside the goal of 150 MB besides the embedded browser.
import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { diskBytes, packAndInstall, packTempDir } from './pack-install.mjs'

const GOAL_MB = 150
const BROWSER = path.join('@sparticuz', 'chromium')
const mb = (bytes) => bytes / 1024 / 1024

/** node_modules' top-level packages (scoped ones one by one), largest first. */
function packageSizes(modules) {
  const sizes = []
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue
    const names = name.startsWith('@') ? readdirSync(path.join(modules, name)).map((inner) => path.join(name, inner)) : [name]
    for (const pkg of names) sizes.push({ pkg, bytes: diskBytes(path.join(modules, pkg)) })
  }
  return sizes.sort((a, b) => b.bytes - a.bytes)
}

const dir = packTempDir()
try {
  const modules = path.join(packAndInstall(dir), 'node_modules')
  const total = diskBytes(modules)
  const browser = existsSync(path.join(modules, BROWSER)) ? diskBytes(path.join(modules, BROWSER)) : 0
  const rest = total - browser
  const sizes = packageSizes(modules)
  console.log(`node_modules: ${mb(total).toFixed(1)} MB, ${sizes.length} packages`)
  console.log(`  embedded browser (${BROWSER}): ${mb(browser).toFixed(1)} MB`)
  console.log(`  besides the browser: ${mb(rest).toFixed(1)} MB (goal: under ${GOAL_MB} MB) ${mb(rest) < GOAL_MB ? 'met' : 'NOT met'}`)
  console.log('largest:')
  for (const { pkg, bytes } of sizes.slice(0, 15)) console.log(`  ${mb(bytes).toFixed(1).padStart(6)} MB  ${pkg}`)
  if (mb(rest) >= GOAL_MB) process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
