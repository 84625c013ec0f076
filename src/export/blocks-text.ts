// Pure: slide blocks back to text: Markdown (for the notes export) and plain paragraphs (for
// the plain-text notes and the PowerPoint's notes pane).
import type { ContentBlock, TextRun } from '../model.js'

function markdownRuns(runs: readonly TextRun[]): string {
  return runs
    .map((r) => {
      if (r.text === '\n') return '  \n'
      let text = r.code ? `\`${r.text}\`` : r.text.replace(/([*_`[\]\\])/g, '\\$1')
      if (r.bold) text = `**${text}**`
      if (r.italic) text = `*${text}*`
      if (r.strike) text = `~~${text}~~`
      if (r.href) text = `[${text}](${r.href})`
      return text
    })
    .join('')
}

/** A diagram or formula as text, where it cannot be a picture: its TeX as code, a diagram's label in italics. */
export function figureRuns(block: Extract<ContentBlock, { kind: 'figure' }>): TextRun[] {
  return [block.of === 'formula' ? { text: block.text, code: true } : { text: block.text, italic: true }]
}

const plain = (runs: readonly TextRun[]): string => runs.map((r) => r.text).join('')

/** The blocks as Markdown, one block per paragraph. */
export function blocksToMarkdown(blocks: readonly ContentBlock[]): string {
  return blocks.map(blockMarkdown).filter(Boolean).join('\n\n')
}

function blockMarkdown(block: ContentBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return markdownRuns(block.runs)
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(3, block.depth)))} ${markdownRuns(block.runs)}`
    case 'list':
      return block.items.map((i) => `${'  '.repeat(i.level)}${i.ordered ? `${i.number}.` : '-'} ${markdownRuns(i.runs)}`).join('\n')
    case 'table': {
      const row = (cells: readonly (readonly TextRun[])[]): string => `| ${cells.map((c) => markdownRuns(c).replace(/\|/g, '\\|')).join(' | ')} |`
      const rule = `| ${block.align.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : '---')).join(' | ')} |`
      return [row(block.header), rule, ...block.rows.map(row)].join('\n')
    }
    case 'code':
      return `\`\`\`${block.code.lang}\n${block.code.text}\n\`\`\``
    case 'quote':
      return [blocksToMarkdown(block.blocks), ...(block.cite ? ['', `— ${block.cite}`] : [])].join('\n').replace(/^/gm, '> ')
    case 'image':
      return `![${block.image.alt}](${block.image.src})`
    case 'figure':
      return markdownRuns(figureRuns(block))
    case 'columns':
      return block.columns.map(blocksToMarkdown).join('\n\n')
    case 'container':
      return blocksToMarkdown(block.blocks)
    case 'rule':
      return '***'
    case 'html':
      return block.text
  }
}

/** The blocks as plain paragraphs: list items marked with a bullet or their number. */
export function blocksToText(blocks: readonly ContentBlock[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return [plain(block.runs)]
      case 'list':
        return block.items.map((i) => `${'  '.repeat(i.level)}${i.ordered ? `${i.number}.` : '•'} ${plain(i.runs)}`)
      case 'table':
        return [block.header, ...block.rows].map((cells) => cells.map(plain).join(' | '))
      case 'code':
        return [block.code.text]
      case 'quote':
        return [...blocksToText(block.blocks).map((t) => `“${t}”`), ...(block.cite ? [`— ${block.cite}`] : [])]
      case 'image':
        return block.image.alt ? [`[${block.image.alt}]`] : []
      case 'figure':
        return [plain(figureRuns(block))]
      case 'columns':
        return block.columns.flatMap(blocksToText)
      case 'container':
        return blocksToText(block.blocks)
      case 'rule':
        return []
      case 'html':
        return block.text ? [block.text] : []
    }
  })
}
