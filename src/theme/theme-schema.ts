// The theme.yml schema: every key optional, because a theme that extends another changes
// only what differs. Defaults live in default-kit.ts, applied after the extends chain merges.
import { parse as parseColor } from 'culori'
import * as z from 'zod'

export const LOGO_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const
export const FALLBACK_SCRIPTS = ['chinese', 'japanese', 'korean', 'arabic', 'hebrew', 'emoji'] as const
export type FallbackScript = (typeof FALLBACK_SCRIPTS)[number]

export function isColor(value: string): boolean {
  return parseColor(value.trim()) !== undefined
}

const color = z.string().refine(isColor, { message: 'is not a CSS colour (try #1a2b3c, rgb(…), oklch(…) or a colour name)' })

const codeColors = z.strictObject({
  background: color.optional(),
  text: color.optional(),
  keyword: color.optional(),
  string: color.optional(),
  comment: color.optional(),
  number: color.optional(),
  title: color.optional(),
})

const palette = {
  background: color.optional(),
  text: color.optional(),
  heading: color.optional(),
  accent: color.optional(),
  accentText: color.optional(),
  link: color.optional(),
  muted: color.optional(),
  rule: color.optional(),
  surface: color.optional(),
  code: codeColors.optional(),
}

const fontFile = z.strictObject({
  file: z.string().min(1),
  weight: z.number().int().min(1).max(1000).optional(),
  style: z.enum(['normal', 'italic']).optional(),
})

/**
 * A bundled font by name, font files in the theme folder under one family name, or fonts the
 * system has (`{ system: [...] }`: named in the font stack, nothing bundled).
 */
const fontSpec = z.union([
  z.string().min(1),
  z.strictObject({
    family: z.string().min(1),
    file: z.string().min(1).optional(),
    weight: z.number().int().min(1).max(1000).optional(),
    style: z.enum(['normal', 'italic']).optional(),
    files: z.array(fontFile).min(1).optional(),
    generic: z.enum(['sans-serif', 'serif', 'monospace']).optional(),
  }),
  z.strictObject({ system: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }),
])
export type FontSpecInput = z.infer<typeof fontSpec>

// Anything that looks like a colour must be one; otherwise "#12345g" would be taken for an image file.
const looksLikeColor = (v: string): boolean => /^(#|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\()/i.test(v.trim())
const background = z.string().min(1).refine((v) => !looksLikeColor(v) || isColor(v), { message: 'is not a CSS colour, gradient or image file' })

/** A slide background: a colour, a CSS gradient, or an image file in the theme folder. */
const slideLook = z.strictObject({
  background: background.optional(),
  text: color.optional(),
})

export const themeInputSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  extends: z.string().min(1).optional(),
  colors: z.strictObject(palette).optional(),
  fonts: z
    .strictObject({
      heading: fontSpec.optional(),
      body: fontSpec.optional(),
      code: fontSpec.optional(),
      fallback: z.strictObject(Object.fromEntries(FALLBACK_SCRIPTS.map((s) => [s, fontSpec.optional()])) as Record<FallbackScript, z.ZodOptional<typeof fontSpec>>).optional(),
    })
    .optional(),
  logo: z
    .strictObject({
      file: z.string().min(1).optional(),
      position: z.enum(LOGO_POSITIONS).optional(),
      alt: z.string().optional(),
      height: z.number().int().min(8).max(400).optional(),
    })
    .nullable()
    .optional(),
  footer: z.string().optional(),
  size: z.strictObject({ width: z.number().int().min(320).max(7680).optional(), height: z.number().int().min(180).max(4320).optional() }).optional(),
  titleSlide: slideLook.optional(),
  sectionSlide: slideLook.optional(),
  print: z.strictObject({ ...palette, titleSlide: slideLook.optional(), sectionSlide: slideLook.optional() }).optional(),
})
export type ThemeInput = z.infer<typeof themeInputSchema>
