// Pure: a marked extension that claims ```mermaid fences. The fence's info string may carry
// `{alt="…"}` and `{+}` (one fragment step); a line right after the closing fence (no blank
// line between) is the caption. The diagram is drawn later, once the theme is known: the token
// renders as a figure around a placeholder that the build fills with the SVG.
import type { MarkedExtension, TokenizerAndRendererExtension } from 'marked'
import { escapeHtml } from '../html/html-text.js'
import { islandPlaceholder } from '../slides/islands.js'
import { startInParagraph } from '../slides/paragraph-start.js'
import { scanFence } from '../slides/scan-fence.js'

// A mermaid fence's opening line, tried at each line start of a paragraph.
const MERMAID_FENCE = / {0,3}(?:`{3,}|~{3,})[ \t]*mermaid\b/y

export interface DiagramToken {
  readonly type: 'dhDiagram'
  readonly raw: string
  readonly source: string
  readonly alt: string
  readonly caption: string
  readonly fragment: boolean
  /** The placeholder's key; set when the slide's diagrams are collected. */
  key?: string
}

const diagramFence: TokenizerAndRendererExtension = {
  name: 'dhDiagram',
  level: 'block',
  start: (src) => startInParagraph(src, MERMAID_FENCE),
  tokenizer(src) {
    const fence = scanFence(src, ['mermaid'], true)
    if (!fence) return undefined
    const alt = /\{\s*alt\s*=\s*"([^"]*)"\s*\}/.exec(fence.info)?.[1] ?? ''
    const token: DiagramToken = { type: 'dhDiagram', raw: fence.raw, source: fence.text, alt, caption: fence.caption ?? '', fragment: /\{\+\}/.test(fence.info) }
    return token as never
  },
  renderer(token) {
    const diagram = token as unknown as DiagramToken
    const label = diagram.alt || diagram.caption || 'Diagram'
    const cls = diagram.fragment ? 'dh-diagram fragment' : 'dh-diagram'
    const caption = diagram.caption ? `<figcaption>${escapeHtml(diagram.caption)}</figcaption>` : ''
    const canvas = diagram.key ? islandPlaceholder(diagram.key, label) : ''
    return `<figure class="${cls}"><div class="dh-diagram-canvas" role="img" aria-label="${escapeHtml(label)}">${canvas}</div>${caption}</figure>\n`
  },
}

export const diagramExtension: MarkedExtension = { extensions: [diagramFence] }
