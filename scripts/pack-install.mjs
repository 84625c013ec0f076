// Packs deckhand as npm would publish it and installs the tarball into an empty folder, as a
// user's `npm install deckhand` does: the install-size figure and the installed-package test
// both start from here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, lstatSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } })
}

/**
 * Packs the package into `dir` and installs the tarball into `dir/app` (an empty project)
 * without devDependencies. npm's cache makes a second run fast. Returns the app folder.
 * `build: false` packs lib/ as it is, for a caller that has just built it.
 */
export function packAndInstall(dir, { build = true } = {}) {
  const pack = ['pack', '--json', '--pack-destination', dir, ...(build ? [] : ['--ignore-scripts'])]
  const [packed] = JSON.parse(npm(pack, PACKAGE_ROOT))
  const app = path.join(dir, 'app')
  mkdirSync(app)
  writeFileSync(path.join(app, 'package.json'), '{ "private": true }\n')
  npm(['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error', path.join(dir, packed.filename)], app)
  return app
}

/** A fresh folder in the temp folder for one pack and install. */
export function packTempDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'deckhand-pack-'))
}

/** Bytes on disk under `dir` (allocated blocks, as `du` counts them). */
export function diskBytes(dir) {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    total += lstatSync(file).blocks * 512
    if (entry.isDirectory()) total += diskBytes(file)
  }
  return total
}
