/** Where a problem comes from: a file, a 1-based line, an optional 1-based column. */
export interface SourceSpan {
  readonly file: string
  readonly line: number
  readonly column?: number
}

export type Severity = 'error' | 'warning'

/** Every code a diagnostic can carry. Tests assert on these, never on wording. */
export const DIAGNOSTIC_CODES = [
  'project-not-found',
  'deck-not-found',
  'config-invalid',
  'config-unknown-key',
  'yaml-syntax',
  'front-matter-invalid',
  'file-not-utf8',
  'file-unreadable',
  'chapter-not-found',
  'template-not-found',
  'template-syntax',
  'partial-not-found',
  'helper-not-found',
  'template-render',
  'html-removed',
  'image-not-found',
  'unclosed-block',
  'theme-not-found',
  'theme-invalid',
  'theme-css-syntax',
  'theme-remote-url',
  'theme-file-not-found',
  'contrast-low',
  'output-write',
  'browser-not-found',
  'browser-launch',
  'pdf-timeout',
  'pdf-failed',
  'request-blocked',
  'page-error',
  'handout-layout-unknown',
  'slide-overflow',
  'image-oversized',
  'link-broken',
  'glyph-missing',
  'talk-too-long',
  'internal',
  // Fonts a script needs from an optional package; the embedded browser's first unpacking.
  'font-package-missing',
  'browser-unpack',
] as const

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

export interface Diagnostic {
  readonly severity: Severity
  readonly code: DiagnosticCode
  readonly message: string
  readonly span?: SourceSpan
  readonly hint?: string
}

/** A fatal problem, carried as data; only the CLI turns it into text. */
export class DeckError extends Error {
  override readonly name = 'DeckError'
  constructor(
    readonly diagnostic: Diagnostic,
    options?: { cause?: unknown },
  ) {
    super(diagnostic.message, options)
  }
}

/** Several fatal problems found in one pass (e.g. every broken template at once). */
export class DeckErrors extends Error {
  override readonly name = 'DeckErrors'
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    options?: { cause?: unknown },
  ) {
    super(diagnostics.map((d) => d.message).join('\n'), options)
  }
}

export interface StageResult<T> {
  readonly value: T
  readonly diagnostics: readonly Diagnostic[]
}

export function error(code: DiagnosticCode, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  return { severity: 'error', code, message, ...(span && { span }), ...(hint && { hint }) }
}

export function warning(code: DiagnosticCode, message: string, span?: SourceSpan, hint?: string): Diagnostic {
  return { severity: 'warning', code, message, ...(span && { span }), ...(hint && { hint }) }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Throws every error among the diagnostics at once, so the user fixes them in one round. */
export function throwIfErrors(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length === 1) throw new DeckError(errors[0]!)
  if (errors.length > 1) throw new DeckErrors(errors)
}

/** The diagnostics a thrown value carries, or none when it is not ours. */
export function diagnosticsOf(err: unknown): readonly Diagnostic[] | undefined {
  if (err instanceof DeckError) return [err.diagnostic]
  if (err instanceof DeckErrors) return err.diagnostics
  return undefined
}
