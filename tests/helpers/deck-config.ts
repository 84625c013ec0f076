import type { DeckConfig } from '../../src/model.js'

/** A filled DeckConfig for tests that don't read deck.yml. */
export function deckConfig(overrides: Partial<DeckConfig> = {}): DeckConfig {
  return {
    title: 'Test deck',
    subtitle: 'A subtitle',
    author: 'Ada',
    date: '2026-01-01',
    event: 'Tests',
    theme: 'daylight',
    chapters: [],
    html: 'safe',
    reveal: {},
    handouts: { layouts: ['notes'], paper: 'A4' },
    titleSlide: true,
    agenda: true,
    duration: 0,
    speakingRate: 130,
    math: { macros: {} },
    lang: '',
    spans: {},
    file: '/deck/deck.yml',
    ...overrides,
  }
}
