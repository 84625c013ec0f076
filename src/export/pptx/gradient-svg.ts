// Pure: a CSS `linear-gradient(…)` as an SVG picture of the slide's size, so a PowerPoint
// layout can show the title slide's gradient as its background picture.
import { hex } from './design.js'
import { splitCssList } from '../../theme/css-list.js'

const SIDES: Readonly<Record<string, number>> = {
  'to top': 0, 'to right': 90, 'to bottom': 180, 'to left': 270,
  'to top right': 45, 'to right top': 45, 'to bottom right': 135, 'to right bottom': 135,
  'to bottom left': 225, 'to left bottom': 225, 'to top left': 315, 'to left top': 315,
}

/** The SVG, or undefined for anything but a linear gradient of hex colours. */
export function gradientSvg(css: string, width: number, height: number): string | undefined {
  const m = /^\s*linear-gradient\((.*)\)\s*$/is.exec(css)
  if (!m) return undefined
  const parts = splitCssList(m[1]!).map((p) => p.trim())
  let angle = 180
  if (/^-?[\d.]+deg$/.test(parts[0]!)) angle = Number.parseFloat(parts.shift()!)
  else if (SIDES[parts[0]!.toLowerCase()] !== undefined) angle = SIDES[parts.shift()!.toLowerCase()]!
  const stops = parts.map((p, i) => {
    const [colour = '', at] = p.split(/\s+/)
    const offset = at?.endsWith('%') ? Number.parseFloat(at) / 100 : i / Math.max(1, parts.length - 1)
    return { colour: hex(colour), offset }
  })
  if (stops.length < 2 || stops.some((s) => !s.colour)) return undefined
  // CSS: the gradient line runs through the centre at `angle` (0deg points up), long enough that the corners get the end colours.
  const rad = (angle * Math.PI) / 180
  const [dx, dy] = [Math.sin(rad), -Math.cos(rad)]
  const half = (Math.abs(width * dx) + Math.abs(height * dy)) / 2
  const [cx, cy] = [width / 2, height / 2]
  const coords = `x1="${cx - dx * half}" y1="${cy - dy * half}" x2="${cx + dx * half}" y2="${cy + dy * half}"`
  const stopTags = stops.map((s) => `<stop offset="${s.offset}" stop-color="#${s.colour}"/>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" gradientUnits="userSpaceOnUse" ${coords}>${stopTags}</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`
}
