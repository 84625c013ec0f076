import path from 'node:path'
import type { Diagnostic, Severity, SourceSpan } from './diagnostic.js'

/** How the severities and the notes around them are drawn; the CLI passes colours on a terminal. */
export type Paint = Readonly<Record<Severity | 'dim', (text: string) => string>>

const same = (text: string): string => text
const PLAIN: Paint = { error: same, warning: same, dim: same }

/**
 * The one way a problem is told: `content/02-intro.md:14:3  error  message  [code]`, then the
 * reference that led there (`via: …`) and the hint, indented; paths relative to `cwd`.
 */
export function formatDiagnostic(d: Diagnostic, cwd: string, paint: Paint = PLAIN): string {
  const where = d.span ? `${place(d.span, cwd)}  ` : ''
  const lines = [`${where}${paint[d.severity](d.severity)}  ${d.message}  ${paint.dim(`[${d.code}]`)}`]
  if (d.via) lines.push(paint.dim(`    via: ${d.via.what}${d.via.span ? ` (${place(d.via.span, cwd)})` : ''}`))
  if (d.hint) lines.push(paint.dim(`    hint: ${d.hint}`))
  return lines.join('\n')
}

function place(span: SourceSpan, cwd: string): string {
  return `${relative(span.file, cwd)}:${span.line}:${span.column ?? 1}`
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
