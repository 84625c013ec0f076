import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectScripts, parseUnicodeRange, rangesContain, themeTextKey } from '../../../src/theme/detect-scripts.js'
import { loadTheme } from '../../../src/theme/load-theme.js'
import { BUILTIN_THEMES, themesDir } from './theme-helpers.js'

const fontVar = (css: string): string => /--dh-font-body:\s*([^;]+);/.exec(css)![1]!
const bytes = (assets: readonly { from: string }[]): number => assets.reduce((n, a) => n + statSync(a.from).size, 0)

describe('script detection', () => {
  it('finds the scripts that need fallback fonts', () => {
    expect(detectScripts('Hello, world — “quotes” ±')).toEqual([])
    expect(detectScripts('深度学习')).toEqual(['chinese'])
    expect(detectScripts('深層学習とは')).toEqual(['japanese'])
    expect(detectScripts('안녕하세요')).toEqual(['korean'])
    expect(detectScripts('مرحبا שלום')).toEqual(['arabic', 'hebrew'])
    expect(detectScripts('Ship it 🚀')).toEqual(['emoji'])
  })

  it('parses unicode-range lists', () => {
    const ranges = parseUnicodeRange('U+0000-00FF, U+0131,U+4??')
    expect(ranges).toEqual([[0, 255], [0x131, 0x131], [0x400, 0x4ff]])
    expect(rangesContain(ranges, 0x4e0)).toBe(true)
    expect(rangesContain(ranges, 0x500)).toBe(false)
  })

  it('keys the theme on the non-ASCII characters only', () => {
    expect(themeTextKey('abc 学 abc 学')).toBe(themeTextKey('xyz 学'))
    expect(themeTextKey('学')).not.toBe(themeTextKey('习'))
  })
})

describe('bundled fonts', () => {
  it('bundles only the Latin subsets and no script fallback for a Latin deck', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Hello world' })
    expect(fontVar(value.css)).toBe("'Inter', sans-serif")
    expect(value.assets.every((a) => /^fonts\/(inter|fraunces|jetbrains-mono)-latin-\d+-(normal|italic)\.woff2$/.test(a.to))).toBe(true)
    expect(value.assets.map((a) => a.to)).toEqual(expect.arrayContaining(['fonts/inter-latin-400-normal.woff2', 'fonts/inter-latin-700-normal.woff2', 'fonts/fraunces-latin-700-normal.woff2', 'fonts/jetbrains-mono-latin-400-normal.woff2']))
    expect(value.css).toContain("src: url(fonts/inter-latin-400-normal.woff2) format('woff2');")
    expect(value.css).toMatch(/unicode-range: U\+0000-00FF/)
  })

  it('adds a Cyrillic subset only when the deck has Cyrillic text', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Привет' })
    expect(value.assets.map((a) => a.to)).toContain('fonts/inter-cyrillic-400-normal.woff2')
  })

  it('brings the Chinese fallback, only the subsets the text uses, for a Chinese deck', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Deep learning 深度学习' })
    expect(fontVar(value.css)).toBe("'Inter', 'Noto Sans SC', sans-serif")
    const cjk = value.assets.filter((a) => a.to.startsWith('fonts/noto-sans-sc-'))
    expect(cjk.length).toBeGreaterThan(0)
    expect(cjk.length).toBeLessThanOrEqual(8)
    expect(bytes(value.assets)).toBeLessThan(2_000_000)
  })

  it('uses the Japanese font (not the Chinese one) when kana are present', async () => {
    const { value } = await loadTheme('midnight', [BUILTIN_THEMES], { deckText: '深層学習とは' })
    expect(fontVar(value.css)).toBe("'IBM Plex Sans', 'Noto Sans JP', sans-serif")
    expect(value.assets.some((a) => a.to.includes('noto-sans-sc'))).toBe(false)
  })

  it('adds Arabic and Hebrew fallbacks and right-to-left friendly CSS', async () => {
    const { value } = await loadTheme('contrast', [BUILTIN_THEMES], { deckText: 'مرحبا بالعالم שלום' })
    expect(fontVar(value.css)).toBe("'Atkinson Hyperlegible', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif")
    expect(value.assets.some((a) => a.to.startsWith('fonts/noto-sans-arabic-arabic-'))).toBe(true)
    expect(value.assets.some((a) => a.to.startsWith('fonts/noto-sans-arabic-latin'))).toBe(false)
    expect(value.css).toMatch(/p, li[^{]*\{\s*unicode-bidi: plaintext;/)
  })

  it('names the system colour-emoji fonts for emoji, then the bundled colour and black ones', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Ship it 🚀' })
    expect(fontVar(value.css)).toBe("'Inter', 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'Twemoji', 'Noto Emoji', sans-serif")
    const files = value.assets.map((a) => a.to).filter((f) => f.includes('emoji'))
    expect(files).toContain('fonts/twemoji.woff2')
    // Only the Noto Emoji subset with the rocket, in two weights.
    expect(files.filter((f) => f.startsWith('fonts/noto-emoji-'))).toHaveLength(2)
  })

  it('brings a symbol font for symbols the theme fonts lack, and nothing for plain text', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Done ✓ ★' })
    expect(fontVar(value.css)).toContain("'Noto Sans Symbols 2'")
    expect(value.assets.some((a) => a.to.startsWith('fonts/noto-sans-symbols-2-'))).toBe(true)
    const plain = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'Done — “quoted” ±' })
    expect(plain.value.assets.some((a) => /emoji|symbols/.test(a.to))).toBe(false)
  })

  it('takes a theme-declared fallback for a script', async () => {
    const dir = themesDir({ 'x/theme.yml': 'extends: daylight\nfonts:\n  fallback:\n    chinese: Noto Sans JP\n' })
    const { value } = await loadTheme('x', [dir, BUILTIN_THEMES], { deckText: '学习' })
    expect(fontVar(value.css)).toBe("'Inter', 'Noto Sans JP', sans-serif")
  })

  it('rejects an unknown bundled font name with a suggestion, at its line', async () => {
    const dir = themesDir({ 'x/theme.yml': 'name: X\nfonts:\n  body: Intr\n' })
    await expect(loadTheme('x', [dir])).rejects.toMatchObject({ diagnostic: { code: 'theme-invalid', span: { line: 3 }, hint: expect.stringContaining('"Inter"') } })
  })
})

describe('fonts by language', () => {
  it('gives Japanese text the Japanese font and its missing simplified characters the Chinese one', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { texts: [{ lang: 'ja', text: '学習と练习' }], lang: 'ja' })
    expect(fontVar(value.css)).toBe("'Inter', 'Noto Sans JP', 'Noto Sans SC', sans-serif")
    expect(value.assets.some((a) => a.to.startsWith('fonts/noto-sans-sc-'))).toBe(true)
  })

  it('gives Chinese text in a Japanese deck its own stack', async () => {
    const { value } = await loadTheme('daylight', [BUILTIN_THEMES], { texts: [{ lang: 'ja', text: 'ひらがな' }, { lang: 'zh-CN', text: '简单' }], lang: 'ja' })
    expect(fontVar(value.css)).toBe("'Inter', 'Noto Sans JP', 'Noto Sans SC', sans-serif")
    expect(value.css).toMatch(/:lang\(zh\) \{\s*--dh-font-body: 'Inter', 'Noto Sans SC', 'Noto Sans JP', sans-serif;/)
    expect(value.css).toContain(":is(h1, h2, h3, h4, h5, h6) [lang]:lang(zh) { font-family: var(--dh-font-heading); }")
  })
})

describe('script fonts from optional packages', () => {
  it('names the package to add when the deck needs a script font that is not installed, and draws the rest', async () => {
    const fontInstalled = (font: string): boolean => font !== 'Noto Sans SC'
    const { value, diagnostics } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: '深度学习', fontInstalled })
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'font-package-missing', severity: 'warning', hint: 'Add it to the project: npm install @fontsource/noto-sans-sc' })])
    expect(value.assets.some((a) => a.to.includes('noto-sans-sc'))).toBe(false)
    // The Japanese font, installed, still draws what it has (深度学), the system the rest.
    expect(fontVar(value.css)).toContain("'Noto Sans JP'")
  })

  it('says nothing when the installed fonts draw every character', async () => {
    const { diagnostics } = await loadTheme('daylight', [BUILTIN_THEMES], { deckText: 'ひらがな 学習', fontInstalled: (font) => font !== 'Noto Sans SC' })
    expect(diagnostics.filter((d) => d.code === 'font-package-missing')).toEqual([])
  })
})
