// The resolved brand kit: every field filled, file references absolute, and for every key the
// theme.yml line that set it (child themes override their parents key by key).
import type { SourceSpan } from '../diagnostics/diagnostic.js'
import type { LogoPosition } from '../model.js'
import type { FallbackScript } from './theme-schema.js'

export interface CodePalette {
  readonly background: string
  readonly text: string
  readonly keyword: string
  readonly string: string
  readonly comment: string
  readonly number: string
  readonly title: string
}

export interface Palette {
  readonly background: string
  readonly text: string
  readonly heading: string
  readonly accent: string
  readonly accentText: string
  readonly link: string
  readonly muted: string
  readonly rule: string
  readonly surface: string
  readonly code: CodePalette
}

export interface FontFileRef {
  /** Absolute path. */
  readonly path: string
  readonly weight: number
  readonly style: 'normal' | 'italic'
  readonly key: string
}

/** A bundled font (by its display name) or files shipped in a theme folder. */
export type FontRef =
  | { readonly kind: 'bundled'; readonly name: string; readonly key: string }
  | { readonly kind: 'files'; readonly family: string; readonly generic: string; readonly files: readonly FontFileRef[]; readonly key: string }
  | { readonly kind: 'system'; readonly families: readonly string[]; readonly key: string }

/** A slide background as written: colour, gradient or an (absolute) image path. */
export interface SlideLook {
  readonly background: string
  readonly text: string
}

export interface ThemeKit {
  readonly name: string
  /** Theme names from this one to its furthest ancestor. */
  readonly chain: readonly string[]
  /** theme.yml of this theme (for messages about values that came from defaults). */
  readonly file: string
  readonly colors: Palette
  readonly fonts: {
    readonly heading: FontRef
    readonly body: FontRef
    readonly code: FontRef
    readonly fallback: Readonly<Record<FallbackScript, FontRef>>
  }
  readonly logo: { readonly path: string; readonly position: LogoPosition; readonly alt: string; readonly height: number } | null
  readonly footer: string
  readonly width: number
  readonly height: number
  readonly titleSlide: SlideLook
  readonly sectionSlide: SlideLook
  readonly print: Palette & { readonly titleSlide: SlideLook; readonly sectionSlide: SlideLook }
  /** Dotted key path -> the theme.yml line that set it. */
  readonly spans: Readonly<Record<string, SourceSpan>>
  /** Folders of the themes in the chain, furthest ancestor first (their theme.css are appended in this order). */
  readonly dirs: readonly { readonly name: string; readonly dir: string }[]
}

export type BackgroundKind = 'color' | 'gradient' | 'image'
