import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { addThemeCommands } from '../../../src/cli/theme-commands.js'
import { parseThemeYaml } from '../../../src/theme/parse-theme-yaml.js'
import { starterThemeYaml } from '../../../src/theme/starter-theme.js'
import { loadTheme } from '../../../src/theme/load-theme.js'
import { tempDir } from '../../helpers/temp-dir.js'
import { BUILTIN_THEMES } from './theme-helpers.js'

function project(): string {
  const root = tempDir('deckhand-project-')
  writeFileSync(join(root, 'package.json'), '{}')
  mkdirSync(join(root, 'content', 'talk', 'themes', 'talk-only'), { recursive: true })
  writeFileSync(join(root, 'content', 'talk', 'deck.yml'), 'title: Talk\n')
  writeFileSync(join(root, 'content', 'talk', 'themes', 'talk-only', 'theme.yml'), 'extends: midnight\n')
  return root
}

async function run(root: string, argv: string[]) {
  const io = { out: [] as string[], err: [] as string[], failed: false }
  const program = new Command('deckhand').exitOverride()
  addThemeCommands(program, { cwd: root, isTty: false, verbose: false, out: (s) => io.out.push(s), err: (s) => io.err.push(s), get failed() { return io.failed }, set failed(v) { io.failed = v } })
  await program.parseAsync(argv, { from: 'user' })
  return io
}

describe('starterThemeYaml', () => {
  it('is a valid, complete kit on its own', () => {
    const { value, diagnostics } = parseThemeYaml(starterThemeYaml('acme'), 'theme.yml')
    expect(diagnostics).toEqual([])
    expect(Object.keys(value!.input)).toEqual(['name', 'colors', 'fonts'])
  })

  it('with a base, extends it and leaves every option commented out', () => {
    const { value } = parseThemeYaml(starterThemeYaml('acme', 'daylight'), 'theme.yml')
    expect(value!.input).toEqual({ name: 'acme', extends: 'daylight' })
  })

  it('comments every option: uncommenting all of them still validates', () => {
    const all = starterThemeYaml('acme').split('\n').map((l) => l.replace(/^# ( *[a-z][a-zA-Z]*:)/, '$1')).join('\n')
    const { value, diagnostics } = parseThemeYaml(all, 'theme.yml')
    expect(diagnostics).toEqual([])
    expect(Object.keys(value!.input).sort()).toEqual(['colors', 'fonts', 'footer', 'logo', 'name', 'print', 'sectionSlide', 'size', 'titleSlide'])
    expect(Object.keys(value!.input.fonts!.fallback!)).toHaveLength(6)
  })
})

describe('deckhand theme new / themes', () => {
  it('writes a starter kit that loads, and refuses to overwrite it', async () => {
    const root = project()
    const first = await run(root, ['theme', 'new', 'acme', '--extends', 'daylight'])
    expect(first.failed).toBe(false)
    expect(first.out[0]).toBe('Wrote themes/acme/theme.yml (extends daylight)')
    const text = readFileSync(join(root, 'themes', 'acme', 'theme.yml'), 'utf8')
    expect(text).toContain('extends: daylight')
    const loaded = await loadTheme('acme', [join(root, 'themes'), BUILTIN_THEMES])
    expect(loaded.diagnostics).toEqual([])

    writeFileSync(join(root, 'themes', 'acme', 'theme.yml'), 'name: edited\n')
    const second = await run(root, ['theme', 'new', 'acme'])
    expect(second.failed).toBe(true)
    expect(second.err.join('\n')).toContain('already exists')
    expect(readFileSync(join(root, 'themes', 'acme', 'theme.yml'), 'utf8')).toBe('name: edited\n')
  })

  it("shows the base theme's own values in the commented options", async () => {
    const root = project()
    await run(root, ['theme', 'new', 'night', '--extends', 'midnight'])
    const text = readFileSync(join(root, 'themes', 'night', 'theme.yml'), 'utf8')
    expect(text).toContain('#   background: "#0e1526"')
    expect(text).toContain('#   body: IBM Plex Sans')
    // Uncommenting every line of the base's values changes nothing: the theme still loads like midnight.
    const all = text.split('\n').map((l) => l.replace(/^# ( *[a-z][a-zA-Z]*:)/, '$1')).join('\n')
    writeFileSync(join(root, 'themes', 'night', 'theme.yml'), all.replace(/^logo:[\s\S]*?(?=^footer:)/m, ''))
    const night = await loadTheme('night', [join(root, 'themes'), BUILTIN_THEMES])
    const midnight = await loadTheme('midnight', [BUILTIN_THEMES])
    const vars = (css: string) => css.match(/--dh-(bg|text|heading|accent|code-keyword|font-body):[^;]+;/g)
    expect(vars(night.value.css)).toEqual(vars(midnight.value.css))
  })

  it('refuses a base theme that does not exist', async () => {
    const io = await run(project(), ['theme', 'new', 'acme', '--extends', 'dayligt'])
    expect(io.failed).toBe(true)
    expect(io.err.join('\n')).toContain('"daylight"')
  })

  it('lists themes with where each comes from and what it extends', async () => {
    const root = project()
    await run(root, ['theme', 'new', 'daylight', '--extends', 'daylight'])
    const io = await run(root, ['themes', '--deck', 'talk'])
    const rows = io.out.map((line) => line.split(/\s{2,}/))
    expect(rows[0]).toEqual(['talk-only', 'deck', 'extends midnight'])
    expect(rows).toContainEqual(['daylight', 'project', 'extends daylight'])
    expect(rows.find((r) => r[0] === 'daylight' && r[1] === 'built-in')?.[2]).toBe('(hidden by the one above)')
    expect(rows.find((r) => r[0] === 'northwind')?.slice(0, 3)).toEqual(['northwind', 'built-in', 'extends daylight'])
  })
})
