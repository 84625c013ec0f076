// The hand-built print fixture (tests/helpers/print-deck.ts) written out as the build would:
// dist/<deck>/ with index.html, theme.css, deck.css, fonts/ and images/, and its BuiltDeck.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BuiltDeck } from '../../../src/pipeline/built-deck.js'
import { BUILTIN_TEMPLATES_DIR } from '../../../src/project/find-project.js'
import { loadTemplates } from '../../../src/render/load-templates.js'
import { fixtureBuiltDeck, gradientPng } from '../../helpers/print-deck.js'

export { KNOWN } from '../../helpers/print-deck.js'

const FONTS = path.resolve(import.meta.dirname, '../../../node_modules/@fontsource')

/** Writes the fixture deck's output folder and returns it as built, printed through the built-in templates. */
export async function writeFixtureDeck(outDir: string, extraSlides = 0, overrides: Partial<BuiltDeck> = {}): Promise<BuiltDeck> {
  const built = fixtureBuiltDeck(outDir, await loadTemplates([BUILTIN_TEMPLATES_DIR]), extraSlides, overrides)
  mkdirSync(path.join(outDir, 'fonts'), { recursive: true })
  mkdirSync(path.join(outDir, 'images'), { recursive: true })
  for (const [name, text] of Object.entries(built.output.files)) writeFileSync(path.join(outDir, name), text)
  copyFileSync(path.join(FONTS, 'inter/files/inter-latin-400-normal.woff2'), path.join(outDir, 'fonts/inter-400.woff2'))
  copyFileSync(path.join(FONTS, 'inter/files/inter-latin-700-normal.woff2'), path.join(outDir, 'fonts/inter-700.woff2'))
  copyFileSync(path.join(FONTS, 'jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2'), path.join(outDir, 'fonts/jetbrains-mono-400.woff2'))
  writeFileSync(path.join(outDir, 'images/photo.png'), gradientPng(320, 200))
  return built
}
