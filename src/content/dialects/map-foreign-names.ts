// Pure: the names other tools give themes and transitions, mapped to deckhand's nearest.

const BUILT_IN_THEMES = new Set(['daylight', 'midnight', 'contrast', 'northwind'])

// reveal.js's own themes by their look; Marp's and Slidev's starter themes are all light.
const FOREIGN_THEMES: Readonly<Record<string, string>> = {
  black: 'midnight', league: 'midnight', night: 'midnight', blood: 'midnight', moon: 'midnight', dracula: 'midnight',
  white: 'daylight', beige: 'daylight', sky: 'daylight', serif: 'daylight', simple: 'daylight', solarized: 'daylight',
  'black-contrast': 'contrast', 'white-contrast': 'contrast',
  default: 'daylight', gaia: 'daylight', uncover: 'daylight',
  seriph: 'daylight', 'apple-basic': 'daylight', bricks: 'daylight', shibainu: 'daylight',
}

/** The built-in theme for a theme name written for another tool; `mapped` is false for deckhand's own names. */
export function mapThemeName(name: string): { theme: string; mapped: boolean } {
  const key = name.trim().toLowerCase()
  if (BUILT_IN_THEMES.has(key)) return { theme: key, mapped: false }
  return { theme: FOREIGN_THEMES[key] ?? 'daylight', mapped: true }
}

// Reveal.js has none, fade, slide, convex, concave and zoom.
const TRANSITIONS: Readonly<Record<string, string>> = {
  none: 'none', fade: 'fade', 'fade-out': 'fade', 'view-transition': 'fade', slide: 'slide', 'slide-left': 'slide',
  'slide-right': 'slide', 'slide-up': 'slide', 'slide-down': 'slide', push: 'slide', pull: 'slide', swipe: 'slide',
  swap: 'slide', zoom: 'zoom', implode: 'zoom', explode: 'zoom', cube: 'convex', cylinder: 'convex', coverflow: 'convex',
  flip: 'convex', rotate: 'convex', pivot: 'concave', convex: 'convex', concave: 'concave',
}

/** The Reveal.js transition closest to a Marp or Slidev one (`slide-left` -> `slide`). */
export function mapTransition(name: unknown): string | undefined {
  if (typeof name !== 'string' || !name.trim()) return undefined
  return TRANSITIONS[name.trim().toLowerCase()] ?? 'fade'
}
