// Pure: where a theme folder's file lands in the output (`theme/<theme>/<path in its folder>`),
// so two themes of one extends chain can both have a logo.svg.
import { relative, sep } from 'node:path'
import type { ThemeKit } from './theme-kit.js'

export function themeAssetPath(kit: Pick<ThemeKit, 'dirs'>, absPath: string): string {
  for (const { name, dir } of [...kit.dirs].reverse()) {
    const rel = relative(dir, absPath)
    if (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '') return `theme/${name}/${rel.split(sep).join('/')}`
  }
  return `theme/files/${absPath.split(/[\\/]/).pop()}`
}
