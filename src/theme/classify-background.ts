// Pure: what kind of slide background a theme.yml value is.
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
  const match = /^url\(\s*['"]?([^'")]+)['"]?\s*\)$/i.exec(value.trim())
  return match ? match[1]! : value.trim()
}
