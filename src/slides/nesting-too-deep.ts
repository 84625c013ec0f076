// Pure: thrown while lexing a slide whose structure is nested deeper than any slide needs;
// build-slides turns it into a located error.
export class NestingTooDeep extends Error {
  override readonly name = 'NestingTooDeep'
}

/** Emphasis, strikethrough and links inside each other, at most. */
export const MAX_INLINE_NESTING = 32
