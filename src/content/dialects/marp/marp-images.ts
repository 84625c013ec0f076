// Pure: Marp's image syntax. The words of an image's alt text are its options: `bg` makes it a
// background (`left:40%` a split, `contain`, `cover`, `50%` its size, `opacity` its strength);
// `w:` and `h:` size an inline image.

export interface MarpImage {
  readonly alt: string
  readonly src: string
  readonly background: boolean
  /** 'left' or 'right' for a split background; '' for a full one. */
  readonly side: '' | 'left' | 'right'
  /** Share of the slide a split takes, as a percentage (`40%`). */
  readonly splitWidth: string
  /** CSS background-size: cover, contain, auto or a percentage. */
  readonly size: string
  readonly opacity: number
  /** Inline `style` for a sized inline image (`width:120px`). */
  readonly style: string
  /** Options Marp has and deckhand does not (filters, vertical stacking). */
  readonly unsupported: readonly string[]
}

const FILTERS = /^(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|saturate|sepia)(:.*)?$/
const LENGTH = /^\d+(\.\d+)?(px|em|rem|%|vw|vh|cm|mm|in|pt)?$/

/** Reads one image's alt words; `undefined` when the image has no Marp options at all. */
export function readMarpImage(alt: string, src: string): MarpImage | undefined {
  const words = alt.split(/\s+/).filter(Boolean)
  const image = { alt: [] as string[], background: false, side: '' as MarpImage['side'], splitWidth: '50%', size: 'cover', opacity: 1, style: [] as string[], unsupported: [] as string[] }
  image.background = words.includes('bg')
  let options = 0
  for (const word of words) {
    const used = readWord(word, image)
    if (used) options++
    else image.alt.push(word)
  }
  if (options === 0) return undefined
  return { ...image, alt: image.alt.join(' '), src, style: image.style.join(';') }
}

type Draft = { alt: string[]; background: boolean; side: MarpImage['side']; splitWidth: string; size: string; opacity: number; style: string[]; unsupported: string[] }

function readWord(word: string, image: Draft): boolean {
  const [key, value = ''] = splitOption(word)
  if (word === 'bg') return true
  if (!image.background) return readInlineWord(word, key, value, image)
  if (key === 'left' || key === 'right') {
    image.side = key
    if (/^\d+(\.\d+)?%$/.test(value)) image.splitWidth = value
  } else if (word === 'contain' || word === 'fit') image.size = 'contain'
  else if (word === 'cover' || word === 'auto') image.size = word
  else if (/^\d+(\.\d+)?%$/.test(word)) image.size = word
  else if (key === 'opacity') image.opacity = value ? clamp(Number.parseFloat(value)) : 0.2
  else return readInlineWord(word, key, value, image)
  return true
}

/** Sizes and filters, which inline images and backgrounds share. */
function readInlineWord(word: string, key: string, value: string, image: Draft): boolean {
  if ((key === 'w' || key === 'width') && LENGTH.test(value)) image.style.push(`width:${withUnit(value)}`)
  else if ((key === 'h' || key === 'height') && LENGTH.test(value)) image.style.push(`height:${withUnit(value)}`)
  else if (FILTERS.test(word) || word === 'vertical') image.unsupported.push(key)
  else return false
  return true
}

function splitOption(word: string): [string, string?] {
  const at = word.indexOf(':')
  return at < 0 ? [word] : [word.slice(0, at), word.slice(at + 1)]
}

function withUnit(value: string): string {
  return /\d$/.test(value) ? `${value}px` : value
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n > 1 ? n / 100 : n)) : 1
}

/** `![alt](src "title")` on a line: each image with where it stands. */
export const IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
