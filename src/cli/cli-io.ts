import path from 'node:path'
import { diagnosticsOf, error, type Diagnostic } from '../diagnostics/diagnostic.js'
import { createColors } from 'picocolors'
import { formatCauses, formatDiagnostic } from '../diagnostics/format.js'

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly cwd: string
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** True when stderr is a terminal (the live progress line is shown only then). */
  readonly isTty: boolean
  /** Replaces the live progress line on a terminal ('' clears it). */
  readonly live?: (text: string) => void
  /** Colour for severities; only on a terminal, never with NO_COLOR. */
  readonly colour?: boolean
  verbose: boolean
  /** Set when anything reported an error; the exit code follows it. */
  failed: boolean
}

export function createIo(cwd = process.cwd()): CliIo {
  // `deckhand themes | head` closes our stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
  return {
    cwd,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    isTty: Boolean(process.stderr.isTTY),
    live: (text) => process.stderr.write(`\r\x1b[2K${text}`),
    colour: wantsColour(process.stderr, process.env),
    verbose: false,
    failed: false,
  }
}

/** Colour on a terminal unless NO_COLOR is set (to anything but '') or the terminal is dumb (https://no-color.org). */
export function wantsColour(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb'
}

export function report(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const paint = io.colour ? createColors(true) : undefined
  for (const d of diagnostics) {
    io.err(formatDiagnostic(d, io.cwd, paint && { error: paint.red, warning: paint.yellow, dim: paint.dim }))
    if (d.severity === 'error') io.failed = true
  }
}

/** Our errors print as diagnostics; anything else is a bug, shown whole only with --verbose. */
export function reportError(io: CliIo, err: unknown): void {
  io.failed = true
  const ours = diagnosticsOf(err)
  if (ours) {
    report(io, ours)
    if (io.verbose && err instanceof Error && err.cause) io.err(formatCauses(err.cause))
    return
  }
  const message = err instanceof Error ? err.message : String(err)
  report(io, [error('internal', message, undefined, io.verbose ? undefined : 'run again with --verbose for details')])
  if (io.verbose) io.err(formatCauses(err))
}

export function relativePath(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file)
  return rel && !rel.startsWith('..') ? rel : file
}

/** A `--timeout`-like option in seconds (every command takes time in seconds), as milliseconds. */
export function secondsOption(value: string | undefined, fallback: number): number {
  return Math.max(1, Number(value ?? fallback) || fallback) * 1000
}

/** The one line said before the embedded browser's first unpacking (it takes a few seconds). */
export function tellUnpacking(io: CliIo): (into: string) => void {
  return (into) => io.err(`unpacking the browser, once (into ${into})`)
}
