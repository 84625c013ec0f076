// Bundles the compiled CLI and library into lib/bundle/. Loading ~150 ES modules one by one cost
// a build more than rendering 1,000 slides; one file starts in a fraction of that. And what is
// bundled need not be installed: the libraries whose code is all in the bundle are
// devDependencies, so `npm install deckhand` does not fetch them (as Marp CLI does).
import { createRequire } from 'node:module'
import { readdir, readFile, rm } from 'node:fs/promises'
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeThirdPartyNotices } from './third-party-notices.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'lib', 'bundle')
const VENDOR = 'vendor'
const HIGHLIGHT_LANGUAGES = 'highlight-languages'
const LANGUAGE_REQUIRE = '`highlight.js/lib/languages/${name}`'
// The compiled sources (tsc's output), as opposed to the libraries under node_modules.
const compiled = path.join(root, 'lib') + path.sep
// Installed and loaded from node_modules: sharp is native code; the embedded Chromium, KaTeX
// (its stylesheet and fonts go into decks; its code loads only for formulas) and the
// optional Mermaid and Paged.js are packages whose files are read at run time.
// chromium-bidi is puppeteer's WebDriver BiDi path, and bufferutil/utf-8-validate are ws's
// optional native speed-ups: deckhand speaks CDP over a pipe and never loads them.
const EXTERNAL = ['sharp', '@sparticuz/chromium', 'katex', 'mermaid', 'pagedjs', 'chromium-bidi', 'bufferutil', 'utf-8-validate']
const isExternal = (spec) => EXTERNAL.some((name) => spec === name || spec.startsWith(`${name}/`))

/**
 * The sources load some CommonJS libraries on first use with a require of their own
 * (createRequire), so a build that needs none of them does not parse them. Each becomes one
 * file in lib/bundle/vendor/, required from there on first use as before; highlight.js
 * languages likewise come one file each from lib/bundle/highlight-languages/.
 */
function lazyRequires(vendored) {
  return {
    name: 'lazy-requires',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async ({ path: file }) => {
        if (!file.startsWith(compiled)) return undefined
        const text = await readFile(file, 'utf8')
        if (!text.includes('createRequire(import.meta.url)')) return undefined
        if (text.includes('highlight.js/lib/languages/') && !text.includes(LANGUAGE_REQUIRE)) {
          throw new Error(`${file} loads highlight.js languages in a way this bundler does not know: update lazyRequires`)
        }
        const contents = text
          .replace(LANGUAGE_REQUIRE, `\`./${HIGHLIGHT_LANGUAGES}/\${name}.cjs\``)
          .replace(/\brequire\((['"])([^'"./][^'"]*)\1\)/g, (call, _quote, spec) => {
            if (isExternal(spec)) return call
            vendored.add(spec)
            return `require('./${VENDOR}/${vendorName(spec)}.cjs')`
          })
        return { contents, loader: 'js', resolveDir: path.dirname(file) }
      })
    },
  }
}

/**
 * puppeteer-core's debug() makes a new `debug` channel, with its terminal checks, on every
 * call, and it is called for each protocol message sent and received: a few thousand in one
 * print, 15 ms of each warm reprint of the example deck. Each channel is made once instead.
 */
function puppeteerDebugOnce() {
  const MAKE = '(await importDebug())(prefix)(logArgs);'
  const RETURN = 'return async (...logArgs) => {'
  return {
    name: 'puppeteer-debug-once',
    setup(build) {
      build.onLoad({ filter: /puppeteer-core[\\/]lib[\\/]esm[\\/]puppeteer[\\/]common[\\/]Debug\.js$/ }, async ({ path: file }) => {
        const text = await readFile(file, 'utf8')
        if (text.split(MAKE).length !== 2 || text.split(RETURN).length !== 2) {
          throw new Error(`${file} makes its debug channels in a way this bundler does not know: update puppeteerDebugOnce`)
        }
        const contents = text.replace(RETURN, `let channel;\n        ${RETURN}`).replace(MAKE, '(channel ??= (await importDebug())(prefix))(logArgs);')
        return { contents, loader: 'js', resolveDir: path.dirname(file) }
      })
    },
  }
}

/**
 * pdf-lib compresses with pako, a JavaScript port of zlib, where Node's own zlib does the same
 * work natively: the packed save of a 1,000-page PDF took 139-182 ms against 202-365 ms with
 * pako. pdf-lib calls nothing of pako but `deflate` (checked as its files load), so the `pako`
 * it imports deflates with node:zlib; the other libraries keep pako.
 */
function nativeDeflateForPdfLib() {
  const PDF_LIB = /[\\/]node_modules[\\/]pdf-lib[\\/]/
  const SHIM = "const { deflateSync } = require('node:zlib')\nmodule.exports = { deflate(data) { const out = deflateSync(data); return new Uint8Array(out.buffer, out.byteOffset, out.length) } }\n"
  return {
    name: 'native-deflate-for-pdf-lib',
    setup(build) {
      build.onResolve({ filter: /^pako$/ }, ({ importer }) => (PDF_LIB.test(importer) ? { path: 'pako', namespace: 'native-deflate' } : undefined))
      build.onLoad({ filter: /.*/, namespace: 'native-deflate' }, () => ({ contents: SHIM, loader: 'js' }))
      build.onLoad({ filter: /[\\/]node_modules[\\/]pdf-lib[\\/].*\.js$/ }, async ({ path: file }) => {
        const text = await readFile(file, 'utf8')
        const used = [...text.matchAll(/\bpako(?:_1)?(?:\.default)?\.(\w+)/g)].map((m) => m[1])
        if (used.some((name) => name !== 'deflate')) throw new Error(`${file} uses pako.${used.find((n) => n !== 'deflate')}: update nativeDeflateForPdfLib`)
        return undefined
      })
    },
  }
}

const vendorName = (spec) => spec.replace(/[^a-z0-9]+/gi, '-')

/** One minified CommonJS file per library (or per highlight.js language), beside the bundle. */
async function bundleCommonJs(entryPoints, dir) {
  return build({
    entryPoints,
    outdir: path.join(outdir, dir),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    metafile: true,
    external: EXTERNAL,
    logLevel: 'warning',
  })
}

async function bundleVendored(specs) {
  const requireHere = createRequire(path.join(root, 'package.json'))
  const entries = Object.fromEntries([...specs].map((spec) => [vendorName(spec), requireHere.resolve(spec)]))
  return bundleCommonJs(entries, VENDOR)
}

async function bundleHighlightLanguages() {
  const dir = path.join(root, 'node_modules', 'highlight.js', 'lib', 'languages')
  const names = (await readdir(dir)).filter((name) => /^[a-z0-9-]+\.js$/.test(name))
  return bundleCommonJs(names.map((name) => path.join(dir, name)), HIGHLIGHT_LANGUAGES)
}

await rm(outdir, { recursive: true, force: true })
const vendored = new Set()
const result = await build({
  // The preview's rebuilds run in a worker thread, loaded from its own file beside the CLI;
  // index is the library (package.json `exports`).
  entryPoints: {
    deckhand: path.join(root, 'lib', 'cli.js'),
    'serve-build-worker': path.join(root, 'lib', 'serve', 'build-worker.js'),
    index: path.join(root, 'lib', 'index.js'),
  },
  // Two levels below the package root, like lib/<stage>/, so the built-in templates/ and
  // themes/ found relative to import.meta.url resolve the same from the bundle.
  outdir,
  outExtension: { '.js': '.mjs' },
  // What is imported with import() (printing, pdf-lib, the exports) becomes its own chunk,
  // loaded only when used: a build does not parse the PDF or PowerPoint libraries.
  splitting: true,
  // Less text for V8 to parse at every start; names are kept, so --verbose traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  external: EXTERNAL,
  plugins: [lazyRequires(vendored), puppeteerDebugOnce(), nativeDeflateForPdfLib()],
  banner: { js: "import { createRequire as __deckhandRequire } from 'node:module'; const require = __deckhandRequire(import.meta.url);" },
  logLevel: 'warning',
})
const metafiles = [result.metafile, (await bundleVendored(vendored)).metafile, (await bundleHighlightLanguages()).metafile]
await writeThirdPartyNotices(root, metafiles, path.join(outdir, 'THIRD-PARTY-NOTICES.txt'))
// The built-in templates, parsed and compiled once here rather than in every build.
await import('./precompile-templates.mjs')
