// Pure: a Marp chapter (`marp: true`) -> slides. Marp splits at every thematic break (`---`,
// `***`, `___`) and, with `headingDivider`, before headings; comments are directives or notes;
// `![bg]` images are backgrounds; `<!-- fit -->` makes a heading fill its line.
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js'
import { fencedLines } from '../../code-fences.js'
import type { RawSlide, SlidePreset } from '../raw-slide.js'
import { cutRanges, findComments, type TextRange } from '../text-ranges.js'
import { classifyComment, directiveAttributes, MarpDirectives, type MarpLocals } from './marp-directives.js'
import { IMAGE, readMarpImage, type MarpImage } from './marp-images.js'

const BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/
const HEADING = /^ {0,3}(#{1,6})\s/
const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style>/g

export function splitMarp(body: string, bodyLine: number, head: Readonly<Record<string, unknown>>, file: string, diagnostics: Diagnostic[]): RawSlide[] {
  const directives = MarpDirectives.fromHead(head)
  const divider = headingDivider(head.headingDivider)
  return splitAtBreaks(body, bodyLine, divider).map((raw) => readMarpSlide(raw, directives, file, diagnostics))
}

function headingDivider(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10)
  return n >= 1 && n <= 6 ? n : 0
}

/** Top-level thematic breaks outside code; a `---` under a paragraph line is a heading underline. */
function splitAtBreaks(body: string, bodyLine: number, divider: number): RawSlide[] {
  const lines = body.split('\n')
  const fenced = fencedLines(lines)
  const slides: RawSlide[] = []
  let current: string[] = []
  let first = 0
  const flush = (next: number): void => {
    slides.push({ lines: current, firstLine: bodyLine + first, newStack: true })
    current = []
    first = next
  }
  lines.forEach((line, i) => {
    const previous = lines[i - 1] ?? ''
    if (!fenced[i] && BREAK.test(line) && !(line.trim().startsWith('-') && isParagraphLine(previous))) return flush(i + 1)
    const heading = HEADING.exec(line)
    if (!fenced[i] && divider && heading && heading[1]!.length <= divider && current.some((l) => l.trim())) flush(i)
    current.push(line)
  })
  flush(lines.length)
  return slides
}

function isParagraphLine(line: string): boolean {
  return line.trim() !== '' && !/^\s*(#|>|[-*+]\s|\d+[.)]\s|```|~~~|<|\|)/.test(line)
}

function readMarpSlide(raw: RawSlide, directives: MarpDirectives, file: string, diagnostics: Diagnostic[]): RawSlide {
  let text = raw.lines.join('\n')
  const cuts: TextRange[] = []
  const notes: string[] = []
  let notesLine = 0
  const fitLines = new Set<number>()
  for (const comment of findComments(text)) {
    const kind = classifyComment(comment.content)
    if (kind.kind === 'directive') directives.apply(kind.entries)
    else if (kind.kind === 'fit') fitLines.add(comment.line)
    else if (kind.kind === 'note' && comment.content) {
      notes.push(comment.content)
      notesLine ||= raw.firstLine + comment.line
    }
    cuts.push(comment)
  }
  text = cutRanges(text, cuts)
  text = dropStyles(text, raw.firstLine, file, diagnostics)
  const backgrounds: MarpImage[] = []
  text = readImages(text, backgrounds, raw.firstLine, file, diagnostics)
  const lines = text.split('\n').map((line, i) => (fitLines.has(i) ? `${line} <!-- .element: class="r-fit-text" -->` : line))
  const preset = presetOf(directives.takeSlide(), backgrounds, notes, notesLine)
  return { ...raw, lines, preset }
}

/** `<style>` blocks style one Marp slide; deckhand's look comes from its theme, so they go. */
function dropStyles(text: string, firstLine: number, file: string, diagnostics: Diagnostic[]): string {
  const ranges: TextRange[] = []
  for (const m of text.matchAll(STYLE_BLOCK)) {
    ranges.push({ index: m.index, length: m[0].length })
    const line = firstLine + text.slice(0, m.index).split('\n').length - 1
    diagnostics.push(warning('foreign-syntax', 'A <style> block was left out: slides take their look from the deck\'s theme', { file, line }, 'Put lasting styles in the deck\'s templates/deck.css or a theme\'s theme.css.'))
  }
  return ranges.length ? cutRanges(text, ranges) : text
}

/** Takes `![bg …]` images out of the text; sized inline images keep their place with a style. */
function readImages(text: string, backgrounds: MarpImage[], firstLine: number, file: string, diagnostics: Diagnostic[]): string {
  return text.replace(IMAGE, (whole, alt: string, src: string, offset: number) => {
    const image = readMarpImage(alt, src)
    if (!image) return whole
    if (image.unsupported.length) {
      const line = firstLine + text.slice(0, offset).split('\n').length - 1
      diagnostics.push(warning('foreign-syntax', `Image options ${image.unsupported.map((u) => `\`${u}\``).join(', ')} have no equivalent here and were left out`, { file, line }))
    }
    if (image.background) {
      backgrounds.push(image)
      return ''
    }
    return `![${image.alt}](${src})${image.style ? `<!-- .element: style="${image.style}" -->` : ''}`
  })
}

function presetOf(locals: MarpLocals, backgrounds: readonly MarpImage[], notes: readonly string[], notesLine: number): SlidePreset {
  const attributes = [...directiveAttributes(locals), ...backgroundAttributes(backgrounds.filter((b) => !b.side))]
  const split = backgrounds.find((b) => b.side)
  return {
    ...(notes.length && { notes: notes.join('\n\n'), notesLine }),
    attributes: attributes.join(' '),
    extras: {
      ...(split && { split: { src: split.src, alt: split.alt, side: split.side as 'left' | 'right', width: split.splitWidth, fit: split.size } }),
      ...(locals.header !== undefined && { header: locals.header }),
      ...(locals.footer !== undefined && { footer: locals.footer }),
      showNumber: locals.paginate === 'true',
    },
  }
}

/** Full backgrounds: Reveal takes several images at once, laid side by side as Marp lays them. */
function backgroundAttributes(images: readonly MarpImage[]): string[] {
  if (images.length === 0) return []
  const attrs = [`data-background-image="${images.map((i) => i.src).join(',')}"`]
  if (images.length === 1) attrs.push(`data-background-size="${images[0]!.size}"`)
  else {
    const share = `${Math.floor(100 / images.length)}%`
    attrs.push(`data-background-size="${images.map(() => `${share} auto`).join(', ')}"`)
    attrs.push(`data-background-position="${images.map((_, i) => `${Math.round((i * 100) / (images.length - 1))}% center`).join(', ')}"`)
    attrs.push('data-background-repeat="no-repeat"')
  }
  if (images[0]!.opacity < 1) attrs.push(`data-background-opacity="${images[0]!.opacity}"`)
  return attrs
}
