// Pure: what kind of slide background a theme.yml value is.
import { readCssUrl } from './css-url.js'
import type { BackgroundKind } from './theme-kit.js'
import { isColor } from './theme-schema.js'

const GRADIENT = /^(repeating-)?(linear|radial|conic)-gradient\(/i

export function classifyBackground(value: string): BackgroundKind {
  const v = value.trim()
  if (GRADIENT.test(v)) return 'gradient'
  if (isColor(v)) return 'color'
  return 'image'
}

/** An image background may be written `url(bg.jpg)` or just `bg.jpg`; both name a file in the theme folder. */
export function backgroundFile(value: string): string {
  const text = value.trim()
  const url = /^url\(/i.test(text) && text.endsWith(')') ? readCssUrl(text.slice(4, -1)) : undefined
  return url ?? text
}
