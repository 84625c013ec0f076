// I/O: `deckhand new`: writes a starter deck into content/<name>/, never over an existing one.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DeckError, error } from '../diagnostics/diagnostic.js'
import type { Project } from '../project/find-project.js'
import { starterDeckFiles, titleFromName } from './starter-deck.js'
import { validateDeckName } from './validate-deck-name.js'

export interface CreateDeckOptions {
  readonly title?: string
  /** @defaultValue today, as YYYY-MM-DD */
  readonly date?: string
}

export interface CreatedDeck {
  readonly name: string
  readonly dir: string
  /** Absolute paths of the files written. */
  readonly files: readonly string[]
}

/** Creates `content/<name>/`; throws `config-invalid` for a bad or taken name. */
export async function createDeck(project: Project, name: string, options: CreateDeckOptions = {}): Promise<CreatedDeck> {
  const problem = validateDeckName(name)
  if (problem) throw new DeckError(error('config-invalid', `Cannot create deck "${name}": ${problem}`, undefined, 'for example: deckhand new team-offsite'))
  const dir = path.join(project.contentDir, name)
  if (await stat(dir).catch(() => undefined)) {
    throw new DeckError(error('file-exists', `Cannot create deck "${name}": ${dir} already exists`, undefined, 'choose another name, or edit the existing deck'))
  }
  const files = starterDeckFiles({ name, title: options.title?.trim() || titleFromName(name), date: options.date ?? new Date().toISOString().slice(0, 10) })
  // Written beside the target and renamed, so a failure never leaves half a deck behind.
  const temp = path.join(project.contentDir, `.${name}.new-${process.pid}`)
  try {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(temp, rel)), { recursive: true })
      await writeFile(path.join(temp, rel), text, { flag: 'wx' })
    }
    await rename(temp, dir)
  } catch (cause) {
    await rm(temp, { recursive: true, force: true })
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new DeckError(error('output-write', `Could not create ${dir}: ${reason}`), { cause })
  }
  return { name, dir, files: Object.keys(files).map((rel) => path.join(dir, rel)) }
}
