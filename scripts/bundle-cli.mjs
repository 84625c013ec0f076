// Bundles the compiled CLI into one file. Loading ~150 ES modules one by one cost a build more
// than rendering 1,000 slides; one file starts in a fraction of that. puppeteer-core stays
// outside (loaded only when printing), and so do the libraries loaded with createRequire.
import { rm } from 'node:fs/promises'
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

await rm(path.join(root, 'lib', 'bundle'), { recursive: true, force: true })
await build({
  // The preview's rebuilds run in a worker thread, loaded from its own file beside the CLI.
  entryPoints: { deckhand: path.join(root, 'lib', 'cli.js'), 'serve-build-worker': path.join(root, 'lib', 'serve', 'build-worker.js') },
  // Two levels below the package root, like lib/<stage>/, so the built-in templates/ and
  // themes/ found relative to import.meta.url resolve the same from the bundle.
  outdir: path.join(root, 'lib', 'bundle'),
  outExtension: { '.js': '.mjs' },
  // What is imported with import() (printing, pdf-lib) becomes its own chunk, loaded only
  // when used: a build does not parse the PDF libraries.
  splitting: true,
  // Less text for V8 to parse at every start; names are kept, so --verbose traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The export libraries load only when exporting; sharp is native code.
  external: ['puppeteer-core', 'pptxgenjs', 'sharp', 'jszip'],
  banner: { js: "import { createRequire as __deckhandRequire } from 'node:module'; const require = __deckhandRequire(import.meta.url);" },
  logLevel: 'warning',
})
// The built-in templates, parsed and compiled once here rather than in every build.
await import('./precompile-templates.mjs')
