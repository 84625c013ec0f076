// Pure: KaTeX's stylesheet cut down to what a deck's formulas use. KaTeX ships twenty font
// faces; a deck gets only those whose classes appear in its typeset HTML (a few, usually),
// each copied once into fonts/katex/, as the theme does for text fonts.
import postcss, { type AtRule, type Rule } from 'postcss'
import type { AssetRef } from '../model.js'

export interface MathStylesheet {
  readonly css: string
  readonly assets: readonly AssetRef[]
}

interface Face {
  readonly family: string
  readonly weight: string
  readonly style: string
  /** The woff2 file's name in KaTeX's fonts folder. */
  readonly file: string
}

export const MATH_FONT_DIR = 'fonts/katex'

/** The faces the HTML needs, from the class names it uses; the CSS keeps only their @font-face rules. */
export function planMathStylesheet(katexCss: string, fontsDir: string, html: readonly string[]): MathStylesheet {
  const used = usedClasses(html)
  const root = postcss.parse(katexCss)
  const faces: { rule: AtRule; face: Face }[] = []
  root.walkAtRules('font-face', (rule) => {
    const face = readFace(rule)
    if (face) faces.push({ rule, face })
  })
  const wanted = wantedFaces(root, used)
  const keep = new Set<AtRule>()
  for (const { rule, face } of faces) {
    if (wanted.has(faceKey(face))) keep.add(rule)
  }
  const assets: AssetRef[] = []
  for (const { rule, face } of faces) {
    if (!keep.has(rule)) {
      rule.remove()
      continue
    }
    rule.walkDecls('src', (decl) => {
      decl.value = `url(${MATH_FONT_DIR}/${face.file}) format("woff2")`
    })
    assets.push({ from: `${fontsDir}/${face.file}`, to: `${MATH_FONT_DIR}/${face.file}` })
  }
  return { css: root.toString(), assets }
}

function usedClasses(html: readonly string[]): Set<string> {
  const used = new Set<string>()
  for (const piece of html) {
    for (const match of piece.matchAll(/class="([^"]*)"/g)) for (const name of match[1]!.split(/\s+/)) used.add(name)
  }
  return used
}

function readFace(rule: AtRule): Face | undefined {
  let family = ''
  let weight = 'normal'
  let style = 'normal'
  let file = ''
  rule.walkDecls((decl) => {
    if (decl.prop === 'font-family') family = decl.value.replace(/["']/g, '')
    else if (decl.prop === 'font-weight') weight = decl.value
    else if (decl.prop === 'font-style') style = decl.value
    else if (decl.prop === 'src') file = /url\(fonts\/([^)]+\.woff2)\)/.exec(decl.value)?.[1] ?? ''
  })
  return family && file ? { family, weight, style, file } : undefined
}

const faceKey = (face: Pick<Face, 'family' | 'weight' | 'style'>): string => `${face.family}/${face.weight}/${face.style}`

/**
 * Faces asked for by the rules whose selectors only name classes the HTML uses. A rule that sets
 * only a weight or a style applies it to KaTeX_Main, the family everything else inherits.
 */
function wantedFaces(root: postcss.Root, used: ReadonlySet<string>): Set<string> {
  const wanted = new Set<string>()
  const styles = new Map<string, Set<string>>()
  root.walkRules((rule: Rule) => {
    if (rule.parent?.type === 'atrule') return
    const matches = rule.selectors.some((selector) => (selector.match(/\.[\w-]+/g) ?? []).every((cls) => used.has(cls.slice(1))))
    if (!matches) return
    let family = ''
    let weight = ''
    let style = ''
    rule.walkDecls((decl) => {
      if (decl.prop === 'font-family' || decl.prop === 'font') family = /KaTeX_\w+/.exec(decl.value)?.[0] ?? family
      if (decl.prop === 'font-weight') weight = decl.value
      if (decl.prop === 'font-style') style = decl.value
    })
    if (!family && !weight && !style) return
    const face = { family: family || 'KaTeX_Main', weight: weight || 'normal', style: style || 'normal' }
    wanted.add(faceKey(face))
    const seen = styles.get(face.family) ?? new Set<string>()
    seen.add(`${face.weight}/${face.style}`)
    styles.set(face.family, seen)
  })
  // Bold and italic both asked for in one family: the two may nest (\textbf{\textit{…}}).
  for (const [family, seen] of styles) {
    if ([...seen].some((s) => s.startsWith('bold/')) && [...seen].some((s) => s.endsWith('/italic'))) wanted.add(`${family}/bold/italic`)
  }
  return wanted
}
