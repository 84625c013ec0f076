// Pure: small corrections to the parts pptxgenjs writes, so the package follows the Office Open
// XML PowerPoint itself writes: the kit's colours in the theme, one paragraph-properties
// element per paragraph, a background on the master, notes as paragraphs, and placeholders
// where the plan put them. Each works on one part's XML text.
import type { Palette } from '../../theme/theme-kit.js'
import { hex } from './design.js'

const EMU_PER_INCH = 914400

/** pptxgenjs writes `<a:pPr>` before every run of a multi-run paragraph; CT_TextParagraph allows one, first. */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
    let seen = false
    const fixed = inner.replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, (pPr: string, at: number) => {
      if (!seen && at === 0) {
        seen = true
        return pPr
      }
      return ''
    })
    return fixed === inner ? whole : `<a:p>${fixed}</a:p>`
  })
}

/** List markers in the accent colour, as on the HTML slides (pptxgenjs has no bullet colour). */
export function accentBullets(xml: string): string {
  return xml.replace(/<a:buSzPct val="100000"\/>(?=<a:bu(?:Char|Font))/g, '<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buSzPct val="100000"/>')
}

/** CT_BackgroundProperties ends with an effect list; pptxgenjs leaves it out (gitbrent/PptxGenJS#1442). */
export function backgroundEffects(xml: string): string {
  return xml.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (whole, inner: string) => (inner.includes('<a:effectLst') ? whole : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`))
}

/** The slots shapes refer to (see design.ts SLOT): text, background, heading, surface, then accents. */
export function colourScheme(name: string, c: Palette): string {
  const rgb = (colour: string, fallback: string): string => `<a:srgbClr val="${hex(colour) ?? fallback}"/>`
  const slot = (tag: string, colour: string, fallback: string): string => `<a:${tag}>${rgb(colour, fallback)}</a:${tag}>`
  return (
    `<a:clrScheme name="${escapeXml(name)}">` +
    slot('dk1', c.text, '1F2328') + slot('lt1', c.background, 'FFFFFF') + slot('dk2', c.heading, '111827') + slot('lt2', c.surface, 'F3F4F6') +
    slot('accent1', c.accent, '2563EB') + slot('accent2', c.muted, '5B6270') + slot('accent3', c.rule, 'E5E7EB') +
    slot('accent4', c.code.keyword, 'B3261E') + slot('accent5', c.code.string, '0A6640') + slot('accent6', c.code.number, '7C3AED') +
    slot('hlink', c.link, '1D4ED8') + slot('folHlink', c.link, '1D4ED8') +
    '</a:clrScheme>'
  )
}

/** The theme part with the kit's colours and name (pptxgenjs writes Office's). */
export function themeColours(xml: string, name: string, colours: Palette): string {
  return xml
    .replace(/<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/, colourScheme(name, colours))
    .replace(/(<a:theme\b[^>]*\bname=")[^"]*(")/, `$1${escapeXml(name)}$2`)
}

/** The master gets the theme's background, so a layout added in PowerPoint starts on it. */
export function masterBackground(xml: string): string {
  if (xml.includes('<p:bg>')) return xml
  return xml.replace('<p:cSld>', '<p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>').replace(/<a:t>null<\/a:t>/g, '<a:t>‹#›</a:t>')
}

/** pptxgenjs puts all notes in one run; PowerPoint keeps one paragraph per line. */
export function notesParagraphs(xml: string): string {
  return xml.replace(/<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r>(<a:endParaRPr lang="en-US" dirty="0"\/>)<\/a:p>/, (whole, text: string, end: string) => {
    const lines = text.split(/\r?\n/)
    if (lines.length < 2) return whole
    return lines.map((line) => (line ? `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${line}</a:t></a:r></a:p>` : `<a:p>${end}</a:p>`)).join('')
  })
}

export interface BoxInches {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Moves the slide's title and body placeholders to the plan's boxes (pptxgenjs always copies the layout's). */
export function placeholderBoxes(xml: string, boxes: Partial<Record<'title' | 'body', BoxInches>>): string {
  return xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<\/p:sp>/g, (sp) => {
    const type = /<p:ph\b[^>]*\btype="(title|body)"/.exec(sp)?.[1] as 'title' | 'body' | undefined
    const box = type && boxes[type]
    if (!box) return sp
    const emu = (inches: number): number => Math.round(inches * EMU_PER_INCH)
    return sp.replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/, `<a:xfrm><a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/></a:xfrm>`)
  })
}

const PITCH: Readonly<Record<string, string>> = { serif: '18', 'sans-serif': '34', monospace: '49' }

/**
 * Each font's pitch and family class (pptxgenjs writes "variable, sans" for all), so an
 * application without the font substitutes one of its kind: monospaced code stays aligned.
 */
export function fontPitches(xml: string, fonts: readonly { readonly name: string; readonly kind: string }[]): string {
  let out = xml
  for (const { name, kind } of fonts) {
    const pitch = PITCH[kind]
    if (!name || !pitch) continue
    const typeface = `typeface="${escapeXml(name)}"`
    out = out.split(typeface).map((part, i) => (i === 0 ? part : part.replace(/^ pitchFamily="\d+"/, ''))).join(`${typeface} pitchFamily="${pitch}"`)
  }
  return out
}

/** Pairs of (PNG fallback, SVG) media a slide's relationships name: pptxgenjs writes the fallback just before its SVG. */
export function svgFallbacks(relsXml: string): { png: string; svg: string }[] {
  const rels = [...relsXml.matchAll(/<Relationship\b[^>]*\bId="rId(\d+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => ({ id: Number(m[1]), target: m[2]! }))
  const byId = new Map(rels.map((r) => [r.id, r.target]))
  return rels.filter((r) => r.target.endsWith('.svg') && byId.get(r.id - 1)?.endsWith('.png')).map((r) => ({ png: byId.get(r.id - 1)!, svg: r.target }))
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)
}
