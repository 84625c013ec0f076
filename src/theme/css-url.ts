// Pure: `url(…)` in CSS values, found and read in one pass each. (A pattern with a run of spaces
// on each side of the URL trades them back and forth, and rescans to the end from every `url(`.)

/** The URL inside `url( … )`: unquoted, or in matching quotes; undefined when it is neither. */
export function readCssUrl(inside: string): string | undefined {
  const text = inside.trim()
  const quote = text[0]
  if (quote === '"' || quote === "'") {
    const body = text.slice(1, -1)
    return text.length >= 3 && text.endsWith(quote) && !/['")]/.test(body) ? body : undefined
  }
  return text && !/['")]/.test(text) ? text : undefined
}

/** Replaces each readable `url(…)` of a CSS value; `replace` gets the URL and the whole `url(…)` text. */
export function replaceCssUrls(value: string, replace: (url: string, whole: string) => string): string {
  const lower = value.toLowerCase()
  let out = ''
  let from = 0
  for (let at = lower.indexOf('url(', from); at !== -1; at = lower.indexOf('url(', from)) {
    const close = value.indexOf(')', at + 4)
    if (close === -1) break
    const whole = value.slice(at, close + 1)
    const url = readCssUrl(value.slice(at + 4, close))
    out += value.slice(from, at) + (url === undefined ? whole : replace(url, whole))
    from = close + 1
  }
  return out + value.slice(from)
}

/** Every readable URL in `url(…)`s of a CSS text, in order. */
export function findCssUrls(value: string): string[] {
  const urls: string[] = []
  replaceCssUrls(value, (url, whole) => (urls.push(url), whole))
  return urls
}
