// Parses and compiles the built-in templates (templates/**/*.hbs) into lib/precompiled-templates.json,
// so a build of a deck that uses them does not start Handlebars' parser and compiler for them.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { precompileTemplates } from '../lib/render/precompiled-templates.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dir = path.join(root, 'templates')
const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.hbs')).sort()
const sources = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))
await writeFile(path.join(root, 'lib', 'precompiled-templates.json'), JSON.stringify(precompileTemplates(sources)))
