// Where reveal.js is installed: module resolution only, no disk reads.
import { createRequire } from 'node:module'
import path from 'node:path'
import type { AssetRef } from '../model.js'

/** Output paths of the Reveal.js files the deck shell links, relative to the output folder. */
export const REVEAL_PATHS = {
  resetCss: 'reveal/reset.css',
  revealCss: 'reveal/reveal.css',
  revealJs: 'reveal/reveal.js',
  notesJs: 'reveal/plugin/notes.js',
} as const

let distDir: string | undefined

/** reveal.js's dist/ folder; its package.json is not exported, so resolve the main entry instead. */
function revealDistDir(): string {
  distDir ??= path.dirname(createRequire(import.meta.url).resolve('reveal.js'))
  return distDir
}

/** The Reveal.js files to copy into the output (classic scripts, so the deck opens from file:// too). */
export function revealAssets(): AssetRef[] {
  const dist = revealDistDir()
  return [
    { from: path.join(dist, 'reset.css'), to: REVEAL_PATHS.resetCss },
    { from: path.join(dist, 'reveal.css'), to: REVEAL_PATHS.revealCss },
    { from: path.join(dist, 'reveal.js'), to: REVEAL_PATHS.revealJs },
    { from: path.join(dist, 'plugin', 'notes.js'), to: REVEAL_PATHS.notesJs },
  ]
}
