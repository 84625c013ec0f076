// Pre-release smoke test, not part of `npm test`: the decks reveal.js, Slidev and Marp publish
// on the npm registry, packed at run time into a temporary folder, built and printed with this
// checkout's deckhand. Prints slides, notes and warnings per deck; exits 1 when a deck fails.
//
//   npm run build:ts && node scripts/smoke-foreign-decks.mjs [--marp path/to/deck.md] [--keep]
//
// reveal-md publishes no demo deck on npm (its demo/ folder lives in its repository only); its
// decks are reveal.js Markdown, which reveal.js's own test decks below cover. Marp publishes no
// example deck on npm either: the front matter example in Marp CLI's README is built, and
// `--marp` adds a deck of your own (a checkout of marp-cli-example's PITCHME.md, say).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const REPO = path.resolve(import.meta.dirname, '..')
const PACKAGES = {
  slidev: 'create-slidev@52.15.2',
  seriph: '@slidev/theme-seriph@0.25.0',
  slidevDefault: '@slidev/theme-default@0.25.0',
  reveal3: 'reveal.js@3.9.2',
  marpCli: '@marp-team/marp-cli@4.5.1',
}

const args = process.argv.slice(2)
const keep = args.includes('--keep')
const marpArg = args.includes('--marp') ? path.resolve(args[args.indexOf('--marp') + 1] ?? '') : ''
const lib = (file) => import(pathToFileURL(path.join(REPO, 'lib', file)).href)
if (!existsSync(path.join(REPO, 'lib', 'index.js'))) {
  console.error('Build deckhand first: npm run build:ts')
  process.exit(1)
}
const { buildDeck, loadProject } = await lib('index.js')

const work = mkdtempSync(path.join(os.tmpdir(), 'deckhand-smoke-'))
const cleanup = () => (keep ? console.log(`kept ${work}`) : rmSync(work, { recursive: true, force: true }))
process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})

try {
  const packed = packAll(path.join(work, 'packs'))
  const project = path.join(work, 'project')
  mkdirSync(path.join(project, 'content'), { recursive: true })
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n')
  const decks = [
    ...slidevDecks(packed, project),
    ...revealDecks(packed.reveal3, project, 'revealjs-3-9-2'),
    ...marpDecks(packed.marpCli, project),
  ]
  let failed = 0
  for (const deck of decks) failed += (await smoke(project, deck)) ? 0 : 1
  console.log(`\n${decks.length - failed} passed, ${failed} failed`)
  process.exitCode = failed ? 1 : 0
} finally {
  cleanup()
}

/** `npm pack` each package and unpack it; returns the package folders. */
function packAll(dir) {
  mkdirSync(dir, { recursive: true })
  const out = {}
  for (const [key, spec] of Object.entries(PACKAGES)) {
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()
    const into = path.join(dir, key)
    mkdirSync(into)
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', into])
    out[key] = path.join(into, 'package')
  }
  return out
}

function writeDeck(project, name, title, files, chapters) {
  const dir = path.join(project, 'content', name)
  mkdirSync(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  writeFileSync(path.join(dir, 'deck.yml'), `title: ${JSON.stringify(title)}\nchapters: ${JSON.stringify(chapters ?? Object.keys(files).filter((f) => !f.includes('/')))}\n`)
  return { name, dir }
}

/** The create-slidev starter (with its imported pages) and the two themes' example decks. */
function slidevDecks(packed, project) {
  const starter = path.join(project, 'content', 'slidev-starter')
  cpSync(path.join(packed.slidev, 'template'), starter, { recursive: true })
  writeFileSync(path.join(starter, 'deck.yml'), 'title: Slidev starter\nchapters: [slides.md]\n')
  return [
    { name: 'slidev-starter', dir: starter, from: PACKAGES.slidev },
    { ...writeDeck(project, 'slidev-seriph', 'Seriph example', { 'example.md': readFileSync(path.join(packed.seriph, 'example.md'), 'utf8') }), from: PACKAGES.seriph },
    { ...writeDeck(project, 'slidev-default', 'Default theme example', { 'example.md': readFileSync(path.join(packed.slidevDefault, 'example.md'), 'utf8') }), from: PACKAGES.slidevDefault },
  ]
}

/**
 * reveal.js's Markdown decks live in its test pages and the plugin's example: each
 * `<section data-markdown>` becomes a chapter, its separators written as reveal-md front matter.
 */
function revealDecks(root, project, name) {
  const pages = [...readdirSync(path.join(root, 'test')).filter((f) => /^test-markdown.*\.html$/.test(f)).map((f) => path.join(root, 'test', f)), path.join(root, 'plugin/markdown/example.html')]
  const files = {}
  for (const page of pages) {
    const html = readFileSync(page, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => (c.includes('data-markdown') ? '' : c))
    let n = 0
    for (const m of html.matchAll(/<section\s([^>]*data-markdown[^>]*)>([\s\S]*?)<\/section>/g)) {
      const attrs = Object.fromEntries([...m[1].matchAll(/(data-[\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? '']))
      const inline = /<script type="text\/template">([\s\S]*?)<\/script>/.exec(m[2])?.[1]
      const external = attrs['data-markdown'] ? path.join(path.dirname(page), attrs['data-markdown']) : ''
      const body = inline !== undefined ? dedent(inline) : existsSync(external) ? readFileSync(external, 'utf8') : ''
      if (!body.trim()) continue
      const front = [['separator', 'data-separator'], ['verticalSeparator', 'data-separator-vertical'], ['notesSeparator', 'data-separator-notes']]
        .filter(([, a]) => attrs[a])
        .map(([k, a]) => `${k}: '${attrs[a].replace(/'/g, "''")}'`)
      files[`${path.basename(page, '.html')}-${++n}.md`] = front.length ? `---\n${front.join('\n')}\n---\n${body}` : body
    }
  }
  const deck = writeDeck(project, name, 'reveal.js Markdown tests', files)
  // The test pages' images, relative to the pages.
  if (existsSync(path.join(root, 'test/examples'))) cpSync(path.join(root, 'test/examples'), path.join(deck.dir, 'examples'), { recursive: true })
  return [{ ...deck, from: PACKAGES.reveal3 }]
}

function marpDecks(marpCli, project) {
  const readme = readFileSync(path.join(marpCli, 'README.md'), 'utf8')
  const blocks = [...readme.matchAll(/```markdown\n(---\n[\s\S]*?)```/g)].map((m) => m[1])
  const decks = blocks.length ? [{ ...writeDeck(project, 'marp-cli-readme', 'Marp CLI README', Object.fromEntries(blocks.map((b, i) => [`example-${i + 1}.md`, b.replace(/^---\n/, '---\nmarp: true\n')]))), from: PACKAGES.marpCli }] : []
  if (marpArg) {
    const dir = path.join(project, 'content', 'marp-own')
    cpSync(path.dirname(marpArg), dir, { recursive: true, filter: (f) => !f.includes('node_modules') && !f.includes('.git') })
    writeFileSync(path.join(dir, 'deck.yml'), `title: Marp deck\nchapters: [${JSON.stringify(path.basename(marpArg))}]\n`)
    decks.push({ name: 'marp-own', dir, from: marpArg })
  }
  return decks
}

function dedent(text) {
  const lines = text.replace(/^\n/, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length))
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')
}

/** Builds the deck, reports what it made of it, then prints it with the command line. */
async function smoke(project, deck) {
  console.log(`\n== ${deck.name}  (${deck.from})`)
  try {
    const built = await buildDeck(await loadProject({ root: project, cwd: project }), deck.name, { outDir: path.join(project, 'dist') })
    const own = built.value.slides.filter((s) => !s.generated)
    const notes = own.filter((s) => s.notesText).length
    console.log(`   slides ${own.length} (+${built.value.slides.length - own.length} generated), with notes ${notes}, hidden ${own.filter((s) => s.hidden).length}, code steps ${own.filter((s) => s.steps).length}`)
    const byCode = new Map()
    for (const d of built.diagnostics) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d])
    for (const [code, list] of byCode) console.log(`   ${list[0].severity} ${code} x${list.length}: ${list[0].message}`)
  } catch (err) {
    const diagnostics = err.diagnostics ?? (err.diagnostic ? [err.diagnostic] : undefined)
    if (!diagnostics) throw err
    for (const d of diagnostics) console.log(`   ${d.severity} ${d.code} ${path.relative(project, d.span?.file ?? '')}:${d.span?.line ?? 0} ${d.message}`)
    console.log('   FAILED to build')
    return false
  }
  try {
    execFileSync(process.execPath, [path.join(REPO, 'bin/deckhand.js'), 'build', deck.name, '--pdf', '--root', project], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] })
    const pdf = path.join(project, 'dist', deck.name, 'slides.pdf')
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]
    console.log(`   printed slides.pdf, ${pages} pages, and the handouts`)
    return true
  } catch (err) {
    console.log(`   FAILED to print: ${String(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' | ')}`)
    return false
  }
}
