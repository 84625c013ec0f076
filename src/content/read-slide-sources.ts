// I/O: the chapter texts the slides came from, as the parser saw them (no BOM, LF line ends),
// to point a finding at its line.
import { readFile } from 'node:fs/promises'
import type { Slide } from '../model.js'

export async function readSlideSources(slides: readonly Slide[]): Promise<Map<string, string>> {
  const files = [...new Set(slides.map((s) => s.span.file))]
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => undefined)))
  const sources = new Map<string, string>()
  files.forEach((f, i) => {
    const text = texts[i]
    if (text !== undefined) sources.set(f, text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  })
  return sources
}
