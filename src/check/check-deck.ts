// I/O orchestration of `deckhand check`: build into a temporary folder, measure it in Chromium,
// judge the measurements, and estimate the talk's length.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readSlideSources } from '../content/read-slide-sources.js'
import { buildDeck, type BuildOptions, type BuiltDeck } from '../build/build-deck.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Project } from '../project/find-project.js'
import { checkTalkLength, estimateTalkLength, type TalkLength } from './estimate-talk-length.js'
import { judgeMeasurements } from './judge-measurements.js'
import { measureDeck } from './measure-deck.js'

export interface CheckDeckOptions extends Omit<BuildOptions, 'outDir'> {
  /** Words a minute. @defaultValue deck.yml's speakingRate */
  readonly rate?: number
  readonly secondsPerSlide?: number
  readonly browserPath?: string
  readonly timeoutMs?: number
  /** Told before the embedded browser is unpacked, the first time it is used. */
  readonly onUnpack?: (into: string) => void
}

export interface CheckReport {
  readonly deck: BuiltDeck
  readonly length: TalkLength
  /** Build warnings, then what the browser found, then the talk length; in file and line order. */
  readonly diagnostics: readonly Diagnostic[]
}

/** Everything a build checks plus what only a browser can see. Build errors throw as from buildDeck. */
export async function checkDeck(project: Project, deckName: string, options: CheckDeckOptions = {}): Promise<CheckReport> {
  // A temporary output, so a check never replaces dist/ (which `serve` may be showing).
  const temp = await mkdtemp(path.join(os.tmpdir(), 'deckhand-check-'))
  try {
    const { outDir: _ignored, ...buildOptions } = options as BuildOptions & CheckDeckOptions
    const built = await buildDeck(project, deckName, { ...buildOptions, outDir: temp })
    const deck = built.value
    const measured = await measureDeck({
      outDir: deck.outDir,
      width: deck.theme.width,
      height: deck.theme.height,
      ...(options.browserPath && { browserPath: options.browserPath }),
      ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
      ...(options.onUnpack && { onUnpack: options.onUnpack }),
    })
    const sources = await readSlideSources(deck.slides)
    const found = judgeMeasurements({ measurements: measured.value, slides: deck.slides, sources, outputFiles: await listFiles(deck.outDir) })
    const length = estimateTalkLength(deck.slides, { rate: options.rate ?? deck.config.speakingRate, ...(options.secondsPerSlide !== undefined && { secondsPerSlide: options.secondsPerSlide }) })
    const diagnostics = [...built.diagnostics, ...measured.diagnostics, ...sortByPlace(found), ...checkTalkLength(length, deck.config)]
    return { deck, length, diagnostics }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/** Every file under `dir`, relative, with "/" separators. */
async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return new Set(entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')))
}

function sortByPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.span?.file ?? ''
    const fb = b.span?.file ?? ''
    if (fa !== fb) return fa < fb ? -1 : 1
    return (a.span?.line ?? 0) - (b.span?.line ?? 0)
  })
}
