/** Where a problem comes from: a file, a 1-based line, an optional 1-based column. */
export interface SourceSpan {
  readonly file: string
  readonly line: number
  readonly column?: number
  /** Last line of a range (a slide's span runs from its first to its last line). */
  readonly endLine?: number
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
  // One code a meaning: these were reported under codes that meant something else.
  'slide-empty',
  'image-broken',
  'browser-timeout',
  'check-failed',
  'file-exists',
  'option-invalid',
  'partial-cycle',
  // Safe by default: what a build may write and read, and input it refuses.
  'output-unsafe',
  'output-not-ours',
  'path-outside-project',
  'symlink-loop',
  'too-deeply-nested',
  'front-matter-unsupported',
  'front-matter-unclosed',
  'chapter-listed-twice',
  // Decks written for reveal-md, Marp or Slidev: what has no meaning here, or was left out.
  'foreign-keys',
  'theme-mapped',
  'component-removed',
  'foreign-syntax',
  'import-not-found',
  'import-outside-deck',
  // Math and diagrams
  'math-syntax',
  'diagram-syntax',
  'diagram-failed',
  // Exports: the one-file HTML, the notes and the PowerPoint
  'export-format-unknown',
  'export-not-placed',
  'export-overflow',
  'export-failed',
  // Fonts a script needs from an optional package; the embedded browser's first unpacking.
  'font-package-missing',
  'browser-unpack',
  // Text over a slide's background picture that the picture leaves hard to read.
  'background-contrast',
  // A deck with diagrams where the optional mermaid package is not installed.
  'diagram-package-missing',
  // A server that cannot listen (the loopback interface print and check read the deck through).
  'server-listen',
  // A separator regex a deck brings (reveal-md) that could take exponential time on some text.
  'regex-unsafe',
  // The browser a live print keeps warm stopped between saves or during one, and was replaced.
  'browser-stopped',
] as const

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

/**
 * The reference that led to a problem written elsewhere: the deck.yml `theme:` that chose a
 * theme whose `extends` fails, the slide that used a layout its chapter's front matter named.
 */
export interface Via {
  /** What the reference is, in the user's words: `theme "northwind" in deck.yml`, `the slide`. */
  readonly what: string
  readonly span?: SourceSpan
}

export interface Diagnostic {
  readonly severity: Severity
  readonly code: DiagnosticCode
  /** What is wrong. The span carries the file: messages do not repeat it. */
  readonly message: string
  /** Where the problem is written. */
  readonly span?: SourceSpan
  readonly hint?: string
  readonly via?: Via
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

/** The same problem, told which reference led to it (kept when it already knows one). */
export function withVia(d: Diagnostic, via: Via): Diagnostic {
  return d.via ? d : { ...d, via }
}

/** A thrown DeckError/DeckErrors again, each diagnostic told which reference led to it; other errors as they are. */
export function rethrowWithVia(err: unknown, via: Via): never {
  if (err instanceof DeckError) throw new DeckError(withVia(err.diagnostic, via), { cause: err.cause })
  if (err instanceof DeckErrors) throw new DeckErrors(err.diagnostics.map((d) => withVia(d, via)), { cause: err.cause })
  throw err
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

/** In the order of their places (file, then line; those without one first), each place's in the order given. */
export function sortByPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.span?.file ?? ''
    const fb = b.span?.file ?? ''
    if (fa !== fb) return fa < fb ? -1 : 1
    return (a.span?.line ?? 0) - (b.span?.line ?? 0)
  })
}

/** The diagnostics a thrown value carries, or none when it is not ours. */
export function diagnosticsOf(err: unknown): readonly Diagnostic[] | undefined {
  if (err instanceof DeckError) return [err.diagnostic]
  if (err instanceof DeckErrors) return err.diagnostics
  return undefined
}
