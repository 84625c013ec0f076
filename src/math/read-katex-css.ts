// I/O: KaTeX's stylesheet and the folder of its fonts, from the installed package.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
let css: Promise<string> | undefined

export function katexFontsDir(): string {
  return path.join(path.dirname(require.resolve('katex/dist/katex.css')), 'fonts')
}

/** katex.css, read once per process. */
export function readKatexCss(): Promise<string> {
  return (css ??= readFile(require.resolve('katex/dist/katex.css'), 'utf8'))
}
