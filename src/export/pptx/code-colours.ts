// Pure: the colour of a highlighted code span, from the theme's code palette. The mapping is
// deck.css's (`.hljs-keyword { color: var(--dh-code-keyword) }` …): keep the two in step.
import type { CodePalette } from '../../theme/theme-kit.js'
import type { CodeSpan } from '../../model.js'

type Role = keyof Omit<CodePalette, 'background'>

const ROLES: Readonly<Record<string, Role>> = {
  keyword: 'keyword', built_in: 'keyword', type: 'keyword', 'selector-tag': 'keyword', doctag: 'keyword',
  string: 'string', regexp: 'string', symbol: 'string', 'template-tag': 'string', 'template-variable': 'string', addition: 'string', 'char.escape': 'string',
  comment: 'comment', quote: 'comment', meta: 'comment', deletion: 'comment',
  number: 'number', literal: 'number', bullet: 'number', link: 'number', 'variable.constant': 'number',
  title: 'title', section: 'title', name: 'title', attr: 'title', attribute: 'title', 'selector-id': 'title', 'selector-class': 'title', property: 'title',
  params: 'text', subst: 'text', variable: 'text', operator: 'text', punctuation: 'text',
}

function roleOf(scope: string): Role | undefined {
  return ROLES[scope] ?? ROLES[scope.split('.')[0]!]
}

/** The innermost scope with a colour wins, as the CSS cascade does. */
export function codeColour(span: CodeSpan, palette: CodePalette): { colour: string; italic: boolean; bold: boolean } {
  let role: Role = 'text'
  for (let i = span.scopes.length - 1; i >= 0; i--) {
    const found = roleOf(span.scopes[i]!)
    if (found) {
      role = found
      break
    }
  }
  const italic = span.scopes.some((s) => s === 'comment' || s === 'quote' || s === 'emphasis')
  return { colour: palette[role], italic, bold: span.scopes.includes('strong') }
}
