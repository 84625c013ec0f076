// Pure: characters a print document drew as empty boxes -> errors at the lines that hold them.
import { describeChar } from '../check/judge-measurements.js'
import { find } from '../slides/locate-in-source.js'
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js'
import type { DeckConfig, Slide } from '../model.js'

const DECK_FIELDS = ['title', 'subtitle', 'author', 'date', 'event'] as const

/** One error per source line, naming the characters no font drew there. */
export function judgePrintedGlyphs(chars: string, slides: readonly Slide[], deck: DeckConfig): Diagnostic[] {
  const byPlace = new Map<string, { span: SourceSpan | undefined; chars: string[] }>()
  for (const ch of new Set(chars)) {
    const span = locateChar(ch, slides, deck)
    const key = span ? `${span.file}:${span.line}` : ''
    const entry = byPlace.get(key) ?? { span, chars: [] }
    entry.chars.push(ch)
    byPlace.set(key, entry)
  }
  return [...byPlace.values()].map(({ span, chars: list }) =>
    error(
      'glyph-missing',
      `No font has ${list.map(describeChar).join(', ')}: it would print as empty boxes, so no PDF that shows it is written`,
      span,
      "Add a font that covers this script to the theme (fonts.fallback in theme.yml), or install the script's font package.",
    ),
  )
}

function locateChar(ch: string, slides: readonly Slide[], deck: DeckConfig): SourceSpan | undefined {
  for (const slide of slides) {
    if (slide.generated) continue
    // The slide's Markdown, then its notes: the slide keeps both, with their first lines.
    const span = find(slide.source, ch) ?? (slide.notesText.includes(ch) ? slide.span : undefined)
    if (span) return span
  }
  const field = DECK_FIELDS.find((key) => deck[key].includes(ch))
  if (field) return deck.spans[field] ?? { file: deck.file, line: 1 }
  return slides.find((s) => s.generated && `${s.data.title} ${s.data.lead}`.includes(ch))?.span
}
