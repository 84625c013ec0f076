import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HandoutTemplate } from '../render/render-handouts.js'

/** The built-in templates/handouts folder (the same from src/ under test and from lib/). */
export const BUILT_IN_HANDOUTS_DIR = fileURLToPath(new URL('../../templates/handouts/', import.meta.url))

export interface HandoutTemplateFiles {
  readonly templates: ReadonlyMap<string, HandoutTemplate>
  readonly css: string
}

/**
 * Reads templates/handouts/*.hbs and handouts.css; `overrides` (a deck's or project's) win by
 * name. Synchronous: a handful of small files, read once per export.
 */
export function loadHandoutTemplates(
  dir = BUILT_IN_HANDOUTS_DIR,
  overrides?: ReadonlyMap<string, HandoutTemplate>,
): HandoutTemplateFiles {
  const templates = new Map<string, HandoutTemplate>()
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue
    const file = path.join(dir, name)
    templates.set(name.slice(0, -4), { source: readFileSync(file, 'utf8'), file })
  }
  for (const [name, template] of overrides ?? []) templates.set(name, template)
  return { templates, css: readFileSync(path.join(dir, 'handouts.css'), 'utf8') }
}
