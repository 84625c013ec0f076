// Pure: whether one absolute path lies inside another, segment by segment (/a/bc is not in /a/b).
import path from 'node:path'

/** True when `child` is `parent` itself or lies somewhere below it. */
export function isSameOrInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/** The first of `roots` that holds `file`, if any. */
export function rootHolding(file: string, roots: readonly string[]): string | undefined {
  return roots.find((root) => isSameOrInside(file, root))
}
