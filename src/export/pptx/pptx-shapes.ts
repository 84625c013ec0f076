// Pure: plan shapes and paragraphs as the option objects pptxgenjs takes. Placeholder text
// keeps only its runs: the layout places it, and the package step moves it to the plan's box.
import type { FontRole, PlanParagraph, PlanShape } from './slide-plan.js'
import { bulletIndent } from './measure-text.js'

export interface Units {
  readonly inch: (px: number) => number
  readonly points: (px: number) => number
  readonly font: (role: FontRole) => string
}

export interface TextRunOptions {
  readonly text: string
  readonly options: Readonly<Record<string, unknown>>
}

/** One pptxgenjs text object per run; paragraph options ride on each paragraph's first run. */
export function textRuns(paragraphs: readonly PlanParagraph[], u: Units): TextRunOptions[] {
  const out: TextRunOptions[] = []
  paragraphs.forEach((p, pi) => {
    const runs = p.runs.length ? p.runs : [{ text: '' }]
    runs.forEach((r, ri) => {
      const size = r.size ?? p.size
      const link = r.href ? { hyperlink: { url: r.href } } : r.slide ? { hyperlink: { slide: r.slide } } : {}
      const paragraph = ri > 0 ? {} : paragraphOptions(p, u)
      out.push({
        text: p.upper ? r.text.toUpperCase() : r.text,
        options: {
          fontFace: u.font(r.font ?? (r.code ? 'code' : p.font)),
          fontSize: u.points(size),
          // A link without a colour of its own takes the theme's hyperlink colour.
          ...((!r.href || r.colour) && { color: r.colour ?? p.colour }),
          ...((r.bold ?? p.bold) && { bold: true }),
          ...((r.italic ?? p.italic) && { italic: true }),
          ...(r.strike && { strike: 'sngStrike' }),
          ...(r.script === 'super' && { superscript: true }),
          ...(r.script === 'sub' && { subscript: true }),
          ...(p.letterSpacing && { charSpacing: Math.round(u.points(size) * p.letterSpacing * 10) / 10 }),
          ...link,
          ...paragraph,
          breakLine: ri === runs.length - 1 && pi < paragraphs.length - 1,
        },
      })
    })
  })
  return out
}

function paragraphOptions(p: PlanParagraph, u: Units): Record<string, unknown> {
  const lineHeight = p.lineHeight ?? 1.3
  return {
    ...(p.bullet && {
      bullet: { ...(p.bullet.type === 'number' && { type: 'number', numberStartAt: p.bullet.start }), indent: u.points(bulletIndent({ size: p.size }) ) },
      indentLevel: p.bullet.level,
    }),
    ...(p.align && { align: p.align }),
    ...(p.spaceBefore && { paraSpaceBefore: Math.round(u.points(p.spaceBefore) * 10) / 10 }),
    // Code lines are set exactly, so bands behind marked lines meet their text.
    ...(p.font === 'code' ? { lineSpacing: Math.round(u.points(p.size * lineHeight) * 10) / 10 } : { lineSpacingMultiple: Math.round((lineHeight / 1.2) * 100) / 100 }),
  }
}

type Shape = Exclude<PlanShape, { kind: 'text' | 'image' | 'figure' | 'table' }>

/** pptxgenjs shape type and options of a drawn shape. */
export function drawnShape(shape: Shape, u: Units): { type: string; options: Record<string, unknown> } {
  const at = { x: u.inch(shape.box.x), y: u.inch(shape.box.y), w: u.inch(shape.box.w), h: u.inch(shape.box.h) }
  switch (shape.kind) {
    case 'rect':
      return {
        type: shape.radius ? 'roundRect' : 'rect',
        options: {
          ...at,
          fill: { color: shape.fill },
          line: shape.line ? { color: shape.line, width: 0.75 } : { type: 'none' },
          ...(shape.radius && { rectRadius: u.inch(shape.radius) }),
          ...(shape.name && { objectName: shape.name }),
        },
      }
    case 'ellipse':
      return { type: 'ellipse', options: { ...at, fill: { color: shape.fill }, line: { color: shape.line, width: u.points(shape.lineWidth) } } }
    case 'line':
      return { type: 'line', options: { ...at, line: { color: shape.colour, width: u.points(shape.width) } } }
  }
}
