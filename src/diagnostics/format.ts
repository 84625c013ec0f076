import path from 'node:path'
import type { Diagnostic } from './diagnostic.js'

/** `content/02-intro.md:14:3  error  message` then an indented hint; paths relative to `cwd`. */
export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const where = d.span ? `${relative(d.span.file, cwd)}:${d.span.line}:${d.span.column ?? 1}  ` : ''
  const head = `${where}${d.severity}  ${d.message}`
  return d.hint ? `${head}\n    hint: ${d.hint}` : head
}

function relative(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file
  const rel = path.relative(cwd, file)
  return rel.startsWith('..') && rel.split(path.sep).length > 4 ? file : rel || file
}

/** The `cause` chain of an error, for `--verbose`. */
export function formatCauses(err: unknown): string {
  const lines: string[] = []
  let current: unknown = err
  while (current) {
    if (current instanceof Error) lines.push(current.stack ?? `${current.name}: ${current.message}`)
    else lines.push(String(current))
    current = current instanceof Error ? current.cause : undefined
    if (current) lines.push('caused by:')
  }
  return lines.join('\n')
}
