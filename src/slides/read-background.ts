// Pure: a slide's `data-background*` attributes -> what its background is, and whether it is
// dark, so the slide's text can take the theme's light colour and prints can paint it.
import { parse, wcagLuminance } from 'culori'
import type { SlideBackground } from '../model.js'
import { splitCssList } from '../theme/css-list.js'

const GRADIENT = /^(repeating-)?(linear|radial|conic)-gradient\(/i

/** The background the attributes describe; undefined when the slide keeps the theme's. */
export function readBackground(attributes: ReadonlyArray<readonly [string, string]>): SlideBackground | undefined {
  const get = (name: string): string => attributes.find(([n]) => n === name)?.[1]?.trim() ?? ''
  const legacy = get('data-background')
  // Reveal's older `data-background` holds a colour, a gradient or an image.
  const legacyColor = legacy && parse(legacy) ? legacy : ''
  const legacyGradient = GRADIENT.test(legacy) ? legacy : ''
  const legacyImage = legacy && !legacyColor && !legacyGradient ? legacy : ''
  const color = get('data-background-color') || legacyColor
  const image = get('data-background-image') || legacyImage
  const gradient = get('data-background-gradient') || legacyGradient
  const video = get('data-background-video')
  const tone = get('data-dh-tone')
  if (!color && !image && !gradient && !video && !tone) return undefined
  const opacity = Number.parseFloat(get('data-background-opacity'))
  return {
    color,
    image,
    gradient,
    video,
    size: get('data-background-size') || 'cover',
    position: get('data-background-position') || 'center',
    repeat: get('data-background-repeat') || 'no-repeat',
    opacity: Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1,
    dark: isDark(tone, color, gradient, image, video, get('data-dh-text-color')),
  }
}

/**
 * Dark when the author says so (Marp's `invert`), when the colour (or a gradient's colours on
 * average) is dark, or, for a picture with no colour, when the text written over it is light.
 */
function isDark(tone: string, color: string, gradient: string, image: string, video: string, textColor: string): boolean | null {
  if (tone === 'dark') return true
  if (tone === 'light') return false
  if (gradient) return darkness(gradientColors(gradient))
  if ((image || video) && opacity1(color) === false) return textColor ? darkness([textColor]) === false : null
  if (color) return darkness([color])
  return textColor ? darkness([textColor]) === false : null
}

/** Whether a colour covers what is under it; false when there is no colour or it is see-through. */
function opacity1(color: string): boolean {
  const parsed = color ? parse(color) : undefined
  return parsed !== undefined && (parsed.alpha ?? 1) >= 0.99
}

function gradientColors(gradient: string): string[] {
  const inner = gradient.slice(gradient.indexOf('(') + 1, gradient.lastIndexOf(')'))
  return splitCssList(inner)
    .map(stopColor)
    .filter((stop) => parse(stop) !== undefined)
}

/** A gradient stop without its positions (`red 10%`, `#fff 0 50%`, `to right`'s angle `90deg`). */
function stopColor(stop: string): string {
  const words = stop.trim().split(/\s+/)
  for (let i = 0; i < 2 && words.length > 1 && /^[\d.]+(%|px|deg|turn|rad)?$/.test(words.at(-1)!); i++) words.pop()
  return words.join(' ')
}

/**
 * Dark when light text reads better on it than dark text, judged at its worst colour (a
 * gradient's least readable stop): the WCAG contrast against white and against black, each at
 * the colour that gives the least. For one colour this is the usual split at luminance 0.18.
 * null when no colour parses.
 */
function darkness(colors: readonly string[]): boolean | null {
  const lums = colors.map((c) => parse(c)).filter((c) => c !== undefined).map((c) => wcagLuminance(c!))
  if (lums.length === 0) return null
  const onWhite = Math.min(...lums.map((l) => 1.05 / (l + 0.05)))
  const onBlack = Math.min(...lums.map((l) => (l + 0.05) / 0.05))
  return onWhite > onBlack
}
