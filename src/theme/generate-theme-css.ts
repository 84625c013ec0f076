// Pure: a resolved kit and its font plan -> theme.css (slides) and the print palette (which print documents embed).
// Templates read colours and fonts only through the --dh-* custom properties defined here.
import { isLightColor, luminanceOf } from './check-contrast.js'
import { classifyBackground } from './classify-background.js'
import { diagramPalette } from './diagram-palette.js'
import type { FontPlan } from './plan-fonts.js'
import { themeAssetPath } from './theme-asset-path.js'
import type { Palette, SlideLook, ThemeKit } from './theme-kit.js'

/** Every custom property the templates may use (the contract in src/model.ts). */
export const THEME_VARIABLES = [
  '--dh-bg', '--dh-text', '--dh-heading', '--dh-accent', '--dh-accent-text', '--dh-link', '--dh-muted', '--dh-rule', '--dh-surface',
  '--dh-code-bg', '--dh-code-text', '--dh-code-keyword', '--dh-code-string', '--dh-code-comment', '--dh-code-number', '--dh-code-title',
  '--dh-font-body', '--dh-font-heading', '--dh-font-code', '--dh-title-bg', '--dh-title-text', '--dh-section-bg', '--dh-section-text',
  '--dh-diagram-line', '--dh-diagram-1', '--dh-diagram-2', '--dh-diagram-3', '--dh-diagram-4', '--dh-diagram-5', '--dh-diagram-6',
] as const

export interface ThemeCssParts {
  /** The themes' own theme.css files, furthest ancestor first, URLs already rewritten. */
  readonly extraCss: readonly { readonly file: string; readonly css: string }[]
  readonly extraPrintCss: readonly { readonly file: string; readonly css: string }[]
}

export function generateThemeCss(kit: ThemeKit, fonts: FontPlan, parts: ThemeCssParts): { css: string; printCss: string } {
  const head = `/* deckhand theme "${kit.name}"${kit.chain.length > 1 ? ` (extends ${kit.chain.slice(1).join(' < ')})` : ''} — generated, edit themes/${kit.name}/theme.yml instead */`
  const extras = (list: ThemeCssParts['extraCss']): string[] => list.map((e) => `/* ${e.file} */\n${e.css.trim()}`)
  const join = (blocks: string[]): string => blocks.filter(Boolean).join('\n\n') + '\n'
  return {
    css: join([head, fonts.css, variables(kit, kit.colors, kit.titleSlide, kit.sectionSlide, fonts), languageRules(fonts), BIDI_RULES, LOGO_RULES, ...extras(parts.extraCss)]),
    // Self-contained for handout pages, and only variables and fonts besides the text direction:
    // the handout renderer may rename the variables, so element rules here could reach slide thumbnails.
    printCss: join([head, fonts.css, variables(kit, kit.print, kit.print.titleSlide, kit.print.sectionSlide, fonts), languageRules(fonts), BIDI_RULES, ...extras(parts.extraPrintCss)]),
  }
}

function variables(kit: ThemeKit, p: Palette, title: SlideLook, section: SlideLook, fonts: FontPlan): string {
  const diagram = diagramPalette(p)
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
    '--dh-diagram-line': diagram.line,
    '--dh-diagram-1': diagram.series[0]!,
    '--dh-diagram-2': diagram.series[1]!,
    '--dh-diagram-3': diagram.series[2]!,
    '--dh-diagram-4': diagram.series[3]!,
    '--dh-diagram-5': diagram.series[4]!,
    '--dh-diagram-6': diagram.series[5]!,
  }
  const texts = [p.background, p.text, title.text, section.text]
  const extras = {
    // Text for slides whose own background is dark or light (see deck.css): the theme's extremes.
    '--dh-light-text': extremeColor(texts, 'light'),
    '--dh-dark-text': extremeColor(texts, 'dark'),
    '--dh-slide-width': `${kit.width}px`,
    '--dh-slide-height': `${kit.height}px`,
    '--dh-logo-height': `${kit.logo?.height ?? 0}px`,
  }
  const lines = Object.entries({ ...vars, ...extras }).map(([k, v]) => `  ${k}: ${v};`)
  return `:root,\n.reveal {\n  color-scheme: ${isLightColor(p.background) ? 'light' : 'dark'};\n${lines.join('\n')}\n}`
}

function extremeColor(colors: readonly string[], which: 'light' | 'dark'): string {
  const ranked = colors.map((c) => ({ c, l: luminanceOf(c) })).filter((x) => x.l !== undefined).sort((a, b) => a.l! - b.l!)
  const pick = which === 'light' ? ranked.at(-1) : ranked[0]
  return pick?.c ?? (which === 'light' ? '#ffffff' : '#111111')
}

/**
 * Text in another language than the deck's gets that language's font stacks. `:lang()` matches
 * every element inside a `lang`, so elements that set font-family themselves (headings, code)
 * read the language's variables; the element carrying `lang` sets it again for the text it
 * inherits, by its role.
 */
function languageRules(fonts: FontPlan): string {
  return fonts.langStacks
    .map(({ lang, stacks }) => {
      const is = `:lang(${lang})`
      return [
        `${is} {\n  --dh-font-body: ${stacks.body};\n  --dh-font-heading: ${stacks.heading};\n  --dh-font-code: ${stacks.code};\n}`,
        `[lang]${is} { font-family: var(--dh-font-body); }`,
        `:is(h1, h2, h3, h4, h5, h6) [lang]${is} { font-family: var(--dh-font-heading); }`,
        `:is(pre, code) [lang]${is} { font-family: var(--dh-font-code); }`,
      ].join('\n')
    })
    .join('\n')
}

/** A value for the `background` shorthand: colour and gradient as written, an image as a cover. */
function backgroundValue(kit: ThemeKit, value: string): string {
  if (classifyBackground(value) !== 'image') return value
  return `url(${JSON.stringify(themeAssetPath(kit, value))}) center / cover no-repeat`
}

// Right-to-left paragraphs lay out by their own first strong character (templates set dir="auto").
const BIDI_RULES = `p, li, dt, dd, blockquote, figcaption, td, th, h1, h2, h3, h4, h5, h6 {
  unicode-bidi: plaintext;
}
:lang(ar), :lang(he), :lang(fa), :lang(ur) { text-align: start; }`

// `:root .dh-logo` outranks layout rules like `.dh-frame img { height: auto }`, so the kit's logo height holds.
const LOGO_RULES = `:root .dh-logo { height: var(--dh-logo-height); width: auto; }`
