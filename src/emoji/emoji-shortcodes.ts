// Emoji shortcodes (`:tada:`, `:rocket:`) become emoji at build time, from GitHub's table
// (gemoji), so nothing is fetched when the deck is shown. Unknown shortcodes stay as written;
// code spans and code blocks are never touched (only plain text tokens are).
import type { Token } from 'marked'
import { childTokens } from '../slides/markdown.js'

export type EmojiTable = ReadonlyMap<string, string>

const SHORTCODE = /:([a-z0-9_+-]+):/gi

/** Whether the text holds anything that looks like a shortcode (the table is loaded only then). */
export function mayHaveShortcodes(text: string): boolean {
  return /:[a-z0-9_+-]+:/i.test(text)
}

/** The shortcode table; loaded only for decks that may use it. */
export async function loadEmojiTable(): Promise<EmojiTable> {
  const { nameToEmoji } = await import('gemoji')
  return new Map(Object.entries(nameToEmoji))
}

export function replaceShortcodes(text: string, table: EmojiTable): string {
  return text.replace(SHORTCODE, (code, name: string) => table.get(name.toLowerCase()) ?? code)
}

/** Replaces shortcodes in the plain text tokens among `tokens`, nested ones included. */
export function replaceShortcodesInTokens(tokens: readonly Token[], table: EmojiTable): void {
  for (const token of tokens) {
    if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = replaceShortcodes(token.text, table)
    else for (const child of childTokens(token)) replaceShortcodesInTokens(child, table)
  }
}
