// Pure: a resolved kit and its font plan -> theme.css (slides) and theme-print.css (handouts).
// Templates read colours and fonts only through the --dh-* custom properties defined here.
import { isLightColor } from './check-contrast.js'
import { classifyBackground } from './classify-background.js'
import type { FontPlan } from './plan-fonts.js'
import { themeAssetPath } from './theme-asset-path.js'
import type { Palette, SlideLook, ThemeKit } from './theme-kit.js'

/** Every custom property the templates may use (the contract in src/model.ts). */
export const THEME_VARIABLES = [
  '--dh-bg', '--dh-text', '--dh-heading', '--dh-accent', '--dh-accent-text', '--dh-link', '--dh-muted', '--dh-rule', '--dh-surface',
  '--dh-code-bg', '--dh-code-text', '--dh-code-keyword', '--dh-code-string', '--dh-code-comment', '--dh-code-number', '--dh-code-title',
  '--dh-font-body', '--dh-font-heading', '--dh-font-code', '--dh-title-bg', '--dh-title-text', '--dh-section-bg', '--dh-section-text',
] as const

export interface ThemeCssParts {
  /** The themes' own theme.css files, furthest ancestor first, URLs already rewritten. */
  readonly extraCss: readonly { readonly file: string; readonly css: string }[]
  readonly extraPrintCss: readonly { readonly file: string; readonly css: string }[]
}

export function generateThemeCss(kit: ThemeKit, fonts: FontPlan, parts: ThemeCssParts): { css: string; printCss: string } {
  const head = `/* deckhand theme "${kit.name}"${kit.chain.length > 1 ? ` (extends ${kit.chain.slice(1).join(' < ')})` : ''} — generated, edit themes/${kit.name}/theme.yml instead */`
  const build = (palette: Palette, title: SlideLook, section: SlideLook, extra: ThemeCssParts['extraCss']): string =>
    [head, fonts.css, variables(kit, palette, title, section, fonts), BASE_RULES, ...extra.map((e) => `/* ${e.file} */\n${e.css.trim()}`)].filter(Boolean).join('\n\n') + '\n'
  return {
    css: build(kit.colors, kit.titleSlide, kit.sectionSlide, parts.extraCss),
    printCss: build(kit.print, kit.print.titleSlide, kit.print.sectionSlide, parts.extraPrintCss),
  }
}

function variables(kit: ThemeKit, p: Palette, title: SlideLook, section: SlideLook, fonts: FontPlan): string {
  const vars: Record<(typeof THEME_VARIABLES)[number], string> = {
    '--dh-bg': p.background,
    '--dh-text': p.text,
    '--dh-heading': p.heading,
    '--dh-accent': p.accent,
    '--dh-accent-text': p.accentText,
    '--dh-link': p.link,
    '--dh-muted': p.muted,
    '--dh-rule': p.rule,
    '--dh-surface': p.surface,
    '--dh-code-bg': p.code.background,
    '--dh-code-text': p.code.text,
    '--dh-code-keyword': p.code.keyword,
    '--dh-code-string': p.code.string,
    '--dh-code-comment': p.code.comment,
    '--dh-code-number': p.code.number,
    '--dh-code-title': p.code.title,
    '--dh-font-body': fonts.stacks.body,
    '--dh-font-heading': fonts.stacks.heading,
    '--dh-font-code': fonts.stacks.code,
    '--dh-title-bg': backgroundValue(kit, title.background),
    '--dh-title-text': title.text,
    '--dh-section-bg': backgroundValue(kit, section.background),
    '--dh-section-text': section.text,
  }
  const extras = {
    '--dh-slide-width': `${kit.width}px`,
    '--dh-slide-height': `${kit.height}px`,
    '--dh-logo-height': `${kit.logo?.height ?? 0}px`,
  }
  const lines = Object.entries({ ...vars, ...extras }).map(([k, v]) => `  ${k}: ${v};`)
  return `:root,\n.reveal {\n  color-scheme: ${isLightColor(p.background) ? 'light' : 'dark'};\n${lines.join('\n')}\n}`
}

/** A value for the `background` shorthand: colour and gradient as written, an image as a cover. */
function backgroundValue(kit: ThemeKit, value: string): string {
  if (classifyBackground(value) !== 'image') return value
  return `url(${JSON.stringify(themeAssetPath(kit, value))}) center / cover no-repeat`
}

// Right-to-left paragraphs lay out by their own first strong character (templates set dir="auto");
// code colours map highlight.js's classes onto the theme's code palette; `:root .dh-logo` outranks
// layout rules like `.dh-frame img { height: auto }` so the kit's logo height holds.
const BASE_RULES = `p, li, dt, dd, blockquote, figcaption, td, th, h1, h2, h3, h4, h5, h6 {
  unicode-bidi: plaintext;
}
:lang(ar), :lang(he), :lang(fa), :lang(ur) { text-align: start; }
:root .dh-logo { height: var(--dh-logo-height); width: auto; }
.hljs { color: var(--dh-code-text); background: var(--dh-code-bg); }
.hljs-keyword, .hljs-built_in, .hljs-literal, .hljs-selector-tag, .hljs-meta .hljs-keyword { color: var(--dh-code-keyword); }
.hljs-string, .hljs-regexp, .hljs-attr .hljs-string, .hljs-template-tag, .hljs-addition { color: var(--dh-code-string); }
.hljs-comment, .hljs-quote, .hljs-meta, .hljs-deletion { color: var(--dh-code-comment); font-style: italic; }
.hljs-number, .hljs-symbol, .hljs-variable.constant_, .hljs-bullet { color: var(--dh-code-number); }
.hljs-title, .hljs-title.function_, .hljs-title.class_, .hljs-section, .hljs-name, .hljs-attr, .hljs-type { color: var(--dh-code-title); }`
