// Pure: what chapters written for reveal-md, Marp or Slidev say about the whole deck. Their
// Reveal.js options (revealOptions, a transition) go over deck.yml's `reveal:`, as front matter
// goes over deck.yml; their theme is used when neither deck.yml nor the command line names one.
import type { Chapter, DeckConfig } from '../../model.js'

export function applyChapterSettings(config: DeckConfig, chapters: readonly Chapter[], themeGiven: boolean): DeckConfig {
  const reveal = Object.assign({}, config.reveal, ...chapters.map((c) => c.meta.dialect.reveal)) as Record<string, unknown>
  const chosen = themeGiven || config.spans.theme !== undefined
  const asked = chapters.find((c) => c.meta.dialect.theme)?.meta.dialect
  return {
    ...config,
    reveal,
    ...(!chosen && asked && { theme: asked.theme, spans: { ...config.spans, ...(asked.themeSpan && { theme: asked.themeSpan }) } }),
  }
}
