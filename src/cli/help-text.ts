// What `--help` adds to every command: the examples below its options, and the words for what a
// deck argument may be. Commander prints each option's default from its value, so descriptions
// leave defaults out.
import { readFileSync } from 'node:fs'

export const DECKS_ARGUMENT = 'deck names, deck folders (.) or Markdown files (default: the deck of the current folder, else every deck)'
export const DECK_ARGUMENT = 'a deck name, a deck folder (.) or a Markdown file (default: the deck of the current folder, or the only one)'
export const ROOT_OPTION = 'project root (default: the nearest folder with a package.json)'

/** The "Examples:" block of a command's help; `  # ` starts an example's comment, printed above it. */
export function examples(examples: readonly string[]): string {
  const lines = examples.map((e) => {
    const [cmd, comment] = e.split('  # ')
    return `${comment ? `  # ${comment}\n` : ''}  $ ${cmd}`
  })
  return `\nExamples:\n${lines.join('\n')}`
}

/** deckhand's own version, from the package.json two folders up (src/cli/, lib/cli/ or lib/bundle/). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
