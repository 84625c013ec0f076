// Pure: a CSS list value split at its top-level commas (`red, rgb(0, 0, 0) 50%` is two items).

/** The items of a comma-separated CSS value; commas inside parentheses stay in their item. */
export function splitCssList(value: string): string[] {
  const items: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === ',' && depth === 0) {
      items.push(value.slice(from, i))
      from = i + 1
    }
  }
  items.push(value.slice(from))
  return items
}
