// Pure: Slide[] + TemplateSet + ThemeStyle -> the deck's HTML, the files to write and the assets to copy.
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js'
import { DeckError, DeckErrors } from '../diagnostics/diagnostic.js'
import type { ChapterRef, DeckConfig, DeckHtml, Slide, ThemeStyle } from '../model.js'
import { REVEAL_PATHS, revealAssets } from './locate-reveal.js'
import type { TemplateSet } from './load-templates.js'
import { compilePartials, runTemplate } from './template-engine.js'
import { renderSlides, stackSlides, type RenderFailure, type ThemeView } from './render-slides.js'

export interface RenderDeckInput {
  readonly deck: DeckConfig
  readonly slides: readonly Slide[]
  readonly templates: TemplateSet
  readonly theme: ThemeStyle
  readonly deckName: string
  readonly chapters: readonly ChapterRef[]
  /** URL prefix of the output's assets as seen from index.html. @defaultValue '' */
  readonly assetsBase?: string
  /** More stylesheets the build writes (the math stylesheet), relative to the output folder. */
  readonly extraStylesheets?: readonly string[]
}

/** Output paths of the stylesheets deckhand writes (theme.css is written by the build from ThemeStyle.css). */
export const DECK_CSS = 'deck.css'
export const THEME_CSS = 'theme.css'

/**
 * Renders every slide through its layout and then the deck shell. Throws DeckError (or DeckErrors,
 * one per failing slide) when a layout is missing or a template throws.
 */
export function renderDeck(input: RenderDeckInput): StageResult<DeckHtml> {
  const partials = compilePartials(input.templates.partials)
  const theme = themeView(input.theme)
  const { rendered, failures } = renderSlides(input.templates, partials, input.slides, {
    deck: input.deck,
    theme,
    chapters: input.chapters,
    total: input.slides.length,
  })
  throwFailures(failures)
  const base = normaliseBase(input.assetsBase ?? '')
  const shellData = {
    deck: input.deck,
    deckName: input.deckName,
    title: input.deck.title,
    chapters: input.chapters,
    theme,
    layoutScale: layoutScale(input.theme),
    slidesHtml: stackSlides(rendered, input.templates, partials),
    revealOptions: revealOptions(input.deck, input.theme),
    assets: {
      resetCss: base + REVEAL_PATHS.resetCss,
      revealCss: base + REVEAL_PATHS.revealCss,
      revealJs: base + REVEAL_PATHS.revealJs,
      notesJs: base + REVEAL_PATHS.notesJs,
      deckCss: base + DECK_CSS,
      themeCss: base + THEME_CSS,
      extraCss: (input.extraStylesheets ?? []).map((file) => base + file),
    },
  }
  const html = runTemplate(input.templates.shell, shellData, partials)
  const diagnostics: Diagnostic[] = []
  return {
    value: {
      deck: input.deckName,
      html,
      slides: rendered,
      assets: revealAssets(),
      files: { [DECK_CSS]: deckCss(input.templates) },
    },
    diagnostics,
  }
}

/** Options for Reveal.initialize: deck.yml's `reveal:` over these defaults. */
export function revealOptions(deck: DeckConfig, theme: ThemeStyle): Record<string, unknown> {
  return {
    hash: true,
    slideNumber: 'c/t',
    width: theme.width,
    height: theme.height,
    // Full-bleed layouts (title, section) paint the whole slide; a margin would frame them.
    margin: 0,
    center: false,
    transition: 'slide',
    controls: true,
    progress: true,
    ...deck.reveal,
  }
}

/** Layouts are drawn for 1280x720; a theme with another slide size zooms them by this factor. */
export function layoutScale(theme: ThemeStyle): number {
  return Math.round(Math.min(theme.width / 1280, theme.height / 720) * 10_000) / 10_000
}

function themeView(theme: ThemeStyle): ThemeView {
  return { name: theme.name, logo: theme.logo, footer: theme.footer, width: theme.width, height: theme.height }
}

/** The built-in deck.css first, then each overriding folder's, so later rules win. */
function deckCss(templates: TemplateSet): string {
  return templates.styles.map((s) => `/* ${s.file.split(/[\\/]/).slice(-3).join('/')} */\n${s.source}`).join('\n')
}

function normaliseBase(base: string): string {
  return base === '' || base.endsWith('/') ? base : `${base}/`
}

function throwFailures(failures: readonly RenderFailure[]): void {
  if (failures.length === 0) return
  if (failures.length === 1) throw new DeckError(failures[0]!.diagnostic, { cause: failures[0]!.cause })
  const causes = failures.map((f) => f.cause).filter((c) => c !== undefined)
  throw new DeckErrors(
    failures.map((f) => f.diagnostic),
    causes.length > 0 ? { cause: new AggregateError(causes, 'template errors') } : undefined,
  )
}
