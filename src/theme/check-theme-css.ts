// Pure: a theme's own theme.css, parsed so that a syntax error points at its line and column,
// remote URLs are reported (the deck must work offline), and relative URLs are rewritten to
// where the referenced files land in the output folder.
import { join, posix } from 'node:path'
import postcss, { CssSyntaxError } from 'postcss'
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { AssetRef } from '../model.js'
import { replaceCssUrls } from './css-url.js'

export interface CheckedCss {
  readonly css: string
  /** Files the CSS refers to, copied next to the theme's other files. */
  readonly assets: readonly (AssetRef & { readonly line: number })[]
}

const REMOTE = /^(https?:)?\/\//i

/** `dir` is the theme folder, `outPrefix` where its files go in the output (`theme/<name>`). */
export function checkThemeCss(text: string, file: string, dir: string, outPrefix: string): { value: CheckedCss | null; diagnostics: Diagnostic[] } {
  let root: postcss.Root
  try {
    root = postcss.parse(text, { from: file })
  } catch (cause) {
    if (cause instanceof CssSyntaxError) {
      const span = { file, line: cause.line ?? 1, ...(cause.column !== undefined && { column: cause.column }) }
      return { value: null, diagnostics: [error('theme-css-syntax', `CSS syntax error in theme: ${cause.reason}`, span)] }
    }
    throw cause
  }
  const diagnostics: Diagnostic[] = []
  const assets: (AssetRef & { line: number })[] = []
  const remote = (url: string, line: number, what: string): void => {
    diagnostics.push(warning('theme-remote-url', `Theme CSS ${what} ${url} from the network; the deck will not look the same offline or in PDFs printed without network`, { file, line }, 'Put the file in the theme folder and refer to it with a relative url(…).'))
  }
  root.walkAtRules('import', (rule) => {
    const target = /^(?:url\()?\s*['"]?([^'")\s]+)/.exec(rule.params)?.[1] ?? ''
    if (REMOTE.test(target)) remote(target, rule.source?.start?.line ?? 1, 'imports')
  })
  root.walkDecls((decl) => {
    if (!/url\(/i.test(decl.value)) return
    const line = decl.source?.start?.line ?? 1
    decl.value = replaceCssUrls(decl.value, (url, whole) => {
      if (REMOTE.test(url)) {
        remote(url, line, decl.parent?.type === 'atrule' ? 'loads a font' : 'loads')
        return whole
      }
      if (/^(data:|#|\/)/i.test(url)) return whole
      const clean = url.split(/[?#]/)[0]!
      // Keep every copied file inside the theme's own output folder, even for `../x.png`.
      const to = `${outPrefix}/${posix.normalize(clean).replace(/^(\.\.\/)+/, '')}`
      assets.push({ from: join(dir, clean), to, line })
      return `url(${JSON.stringify(to)})`
    })
  })
  return { value: { css: root.toString(), assets }, diagnostics }
}
