// The licences of the libraries bundled into lib/bundle/: their code ships inside deckhand's
// files, so their copyright and licence notices ship beside it (MIT, BSD and Apache ask so).
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

const NOTICE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i

/** The package folders (relative to the root, under node_modules) the bundle's inputs come from. */
function bundledPackageDirs(metafiles) {
  const dirs = new Set()
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const parts = input.split(/[\\/]/)
    const last = parts.lastIndexOf('node_modules')
    if (last < 0) continue
    const scoped = parts[last + 1]?.startsWith('@')
    dirs.add(parts.slice(0, last + (scoped ? 3 : 2)).join('/'))
  }
  return dirs
}

async function noticeOf(root, dir) {
  const full = path.join(root, dir)
  const pkg = JSON.parse(await readFile(path.join(full, 'package.json'), 'utf8'))
  const files = (await readdir(full)).filter((name) => NOTICE_FILE.test(name)).sort()
  const texts = await Promise.all(files.map((name) => readFile(path.join(full, name), 'utf8')))
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package')
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name
  const body = texts.length > 0 ? texts.map((t) => t.trim()).join('\n\n') : `Licence: ${licence}${author ? `, by ${author}` : ''} (the package carries no licence file).`
  return { name: pkg.name, text: `${pkg.name}@${pkg.version} (${licence})\n\n${body}\n` }
}

/** Writes one notice per package the builds' `metafiles` took code from, sorted by name. */
export async function writeThirdPartyNotices(root, metafiles, file) {
  const dirs = [...bundledPackageDirs(metafiles)]
  const notices = (await Promise.all(dirs.map((dir) => noticeOf(root, dir))))
  const unique = [...new Map(notices.map((n) => [n.text, n])).values()].sort((a, b) => a.name.localeCompare(b.name))
  const rule = `\n${'-'.repeat(78)}\n\n`
  const head = 'deckhand bundles the following libraries into lib/bundle/. Their notices follow.\n'
  await writeFile(file, head + rule + unique.map((n) => n.text).join(rule))
  return unique.length
}
