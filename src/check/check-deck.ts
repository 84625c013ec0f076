// I/O orchestration of `deckhand check` on a built deck: measure it in Chromium, judge the
// measurements against the slides' own data (lines, links), and estimate the talk's length.
import { sortByPlace, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { BuiltDeck } from '../pipeline/built-deck.js'
import { checkTalkLength, estimateTalkLength, type TalkLength } from './estimate-talk-length.js'
import { judgeMeasurements } from './judge-measurements.js'
import { measureDeck } from './measure-deck.js'

export interface CheckDeckOptions {
  /** Words a minute. @defaultValue deck.yml's speakingRate */
  readonly rate?: number
  readonly secondsPerSlide?: number
  /** `--browser`: the Chrome or Chromium to measure with. */
  readonly browserPath?: string
  /** Limit for each browser step, in ms. @defaultValue 60000 */
  readonly timeoutMs?: number
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}

export interface CheckReport {
  readonly length: TalkLength
  /** What the browser found, then the talk length; in file and line order. Build warnings are the build's. */
  readonly diagnostics: readonly Diagnostic[]
}

/** What only a browser can see of a built deck (overflow, images, links, glyphs), and the talk's length. */
export async function checkDeck(built: BuiltDeck, options: CheckDeckOptions = {}): Promise<CheckReport> {
  const measured = await measureDeck({
    outDir: built.outDir,
    width: built.theme.width,
    height: built.theme.height,
    ...(options.browserPath && { browserPath: options.browserPath }),
    ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
    ...(options.onUnpack && { onUnpack: options.onUnpack }),
    slides: built.slides,
    backdrops: new Set(built.slides.filter((s) => s.background?.image || s.background?.video).map((s) => s.id)),
  })
  const outputFiles = new Set([...Object.keys(built.output.files), ...built.output.assets.map((a) => a.to)])
  const found = judgeMeasurements({ measurements: measured.value, slides: built.slides, outputFiles })
  const length = estimateTalkLength(built.slides, { rate: options.rate ?? built.config.speakingRate, ...(options.secondsPerSlide !== undefined && { secondsPerSlide: options.secondsPerSlide }) })
  return { length, diagnostics: [...measured.diagnostics, ...sortByPlace(found), ...checkTalkLength(length, built.config)] }
}
