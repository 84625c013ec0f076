/** Makes unique, URL-friendly slide ids from titles (`#/the-four-phases`). */
export type Slugger = (text: string, fallback: string, exact?: boolean) => string

/** `exact` keeps an id the author wrote (`.slide: id="x"`) as it is, unless another slide has it. */
export function createSlugger(): Slugger {
  const used = new Map<string, number>()
  return (text, fallback, exact = false) => {
    const base = exact
      ? text
      : text
          .normalize('NFKD')
          .toLowerCase()
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .split('-')
          .filter(Boolean)
          .join('-')
          .slice(0, 60) || fallback
    // Pure numbers would be read by Reveal as slide indices in the URL hash.
    const safe = /^\d/.test(base) ? `s-${base}` : base
    const count = used.get(safe) ?? 0
    used.set(safe, count + 1)
    return count === 0 ? safe : `${safe}-${count + 1}`
  }
}
