// Pure: the PowerPoint layouts of the deck's master, one per kind of plan (title, section,
// content, title only, blank, end), with the kit's backgrounds, the footer, the logo and the
// slide number on them, and title and body placeholders styled from the theme.
import type { LogoPosition, ThemeBrand } from '../../model.js'
import { DESIGN_HEIGHT, DESIGN_WIDTH, SIZE, SLOT, hex } from './design.js'
import type { Box, MasterName } from './slide-plan.js'

/** Where each layout's placeholders sit (slides move them to their plan's boxes). */
export const TITLE_BOX: Box = { x: SIZE.marginX, y: SIZE.marginTop + 34, w: DESIGN_WIDTH - 2 * SIZE.marginX, h: 58 }
export const BODY_BOX: Box = { x: SIZE.marginX, y: 200, w: DESIGN_WIDTH - 2 * SIZE.marginX, h: DESIGN_HEIGHT - SIZE.marginBottom - 200 }
const OPENER_TITLE: Box = { x: 96, y: 250, w: 1000, h: 150 }

export const MASTER_TITLES: Readonly<Record<MasterName, string>> = {
  title: 'Title Slide',
  section: 'Section Header',
  content: 'Title and Content',
  titleOnly: 'Title Only',
  blank: 'Quote',
  end: 'Closing',
}

/** A background: a colour, or a picture (gradients are drawn into one). */
export type MasterBackground = { readonly color: string } | { readonly data: string }

export interface MasterInput {
  readonly brand: ThemeBrand
  /** The footer line: the theme's footer and the deck's title. */
  readonly footer: string
  readonly logo?: { readonly data: string; readonly w: number; readonly h: number; readonly position: LogoPosition; readonly alt: string }
  readonly titleBackground: MasterBackground
  readonly sectionBackground: MasterBackground
  /** Inches per design pixel. */
  readonly inch: (px: number) => number
  readonly points: (px: number) => number
}

/** What pptxgenjs's defineSlideMaster takes (its bundled types do not resolve under NodeNext). */
export interface MasterDefinition {
  readonly title: string
  readonly background: MasterBackground
  readonly objects: readonly MasterObject[]
  readonly slideNumber?: Readonly<Record<string, unknown>>
}
type MasterObject = Readonly<Record<string, Readonly<Record<string, unknown>>>>
type Definition = MasterDefinition

export function masterDefinitions(m: MasterInput): { name: MasterName; definition: Definition }[] {
  const box = (b: Box) => ({ x: m.inch(b.x), y: m.inch(b.y), w: m.inch(b.w), h: m.inch(b.h) })
  const titleText = hex(m.brand.titleSlide.text) ?? 'FFFFFF'
  const sectionText = hex(m.brand.sectionSlide.text) ?? '14213D'
  const placeholder = (name: 'title' | 'body', at: Box, size: number, color: string, font: string, bold = false): MasterObject => ({
    placeholder: { options: { name, type: name, ...box(at), fontFace: font, fontSize: m.points(size), color, bold, margin: 0, valign: 'top', align: 'left' }, text: '' },
  })
  const bar: MasterObject = { rect: { ...box({ x: 0, y: 0, w: 14, h: DESIGN_HEIGHT }), fill: { color: SLOT.accent }, line: { type: 'none' } } }
  const marks: MasterObject[] = [...footer(m, box), ...logo(m, box)]
  const slideNumber = { ...box({ x: DESIGN_WIDTH - 28 - 80, y: DESIGN_HEIGHT - 20 - 20, w: 80, h: 20 }), fontFace: '+mn-lt', fontSize: m.points(SIZE.footer), color: SLOT.muted, align: 'right' as const }
  const plain = { background: { color: hex(m.brand.colors.background) ?? 'FFFFFF' }, slideNumber }
  const heading = placeholder('title', TITLE_BOX, SIZE.title, SLOT.heading, '+mj-lt', true)
  return [
    { name: 'title', definition: { title: MASTER_TITLES.title, background: m.titleBackground, objects: [bar, placeholder('title', OPENER_TITLE, 68, titleText, '+mj-lt', true), ...logo(m, box)] } },
    { name: 'section', definition: { title: MASTER_TITLES.section, background: m.sectionBackground, objects: [bar, placeholder('title', OPENER_TITLE, 62, sectionText, '+mj-lt', true), ...logo(m, box)] } },
    { name: 'content', definition: { title: MASTER_TITLES.content, ...plain, objects: [heading, placeholder('body', BODY_BOX, SIZE.body, SLOT.text, '+mn-lt'), ...marks] } },
    { name: 'titleOnly', definition: { title: MASTER_TITLES.titleOnly, ...plain, objects: [heading, ...marks] } },
    { name: 'blank', definition: { title: MASTER_TITLES.blank, ...plain, objects: [placeholder('title', { x: 120, y: 56, w: 1040, h: 22 }, SIZE.kicker, SLOT.accent, '+mn-lt', true), ...marks] } },
    { name: 'end', definition: { title: MASTER_TITLES.end, background: m.titleBackground, objects: [bar, placeholder('title', OPENER_TITLE, 68, titleText, '+mj-lt', true), ...logo(m, box)] } },
  ]
}

function footer(m: MasterInput, box: (b: Box) => object): MasterObject[] {
  if (!m.footer) return []
  const inset = m.logo?.position.startsWith('bottom') ? 240 : SIZE.marginX
  const at = { x: inset, y: DESIGN_HEIGHT - 22 - 20, w: DESIGN_WIDTH - 2 * inset - 100, h: 20 }
  return [{ text: { text: m.footer, options: { ...box(at), fontFace: '+mn-lt', fontSize: m.points(SIZE.footer), color: SLOT.muted, margin: 0, valign: 'middle' } } }]
}

function logo(m: MasterInput, box: (b: Box) => object): MasterObject[] {
  if (!m.logo) return []
  const h = m.brand.logoHeight || 40
  const w = Math.min(180, (h * m.logo.w) / Math.max(1, m.logo.h))
  const [v, side] = m.logo.position.split('-') as ['top' | 'bottom', 'left' | 'right']
  const x = side === 'left' ? 32 : DESIGN_WIDTH - 32 - w
  const y = v === 'top' ? 26 : DESIGN_HEIGHT - 18 - h
  return [{ image: { ...box({ x, y, w, h }), data: m.logo.data, altText: m.logo.alt } }]
}
