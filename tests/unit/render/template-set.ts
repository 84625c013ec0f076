// Builds a TemplateSet in memory, so render tests choose every template they use; the built-in
// partials that lay out the deck's sections come along unless a test gives its own.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { BUILTIN_TEMPLATES_DIR } from '../../../src/project/find-project.js'
import type { TemplateFile, TemplateSet } from '../../../src/render/load-templates.js'

const SECTION_PARTIALS = Object.fromEntries(
  ['slide-section', 'slide-stacks'].map((name) => [name, readFileSync(path.join(BUILTIN_TEMPLATES_DIR, 'partials', `${name}.hbs`), 'utf8')]),
)

type Sources = Readonly<Record<string, string>>

function files(kind: string, sources: Sources): Map<string, TemplateFile> {
  return new Map(Object.entries(sources).map(([name, source]) => [name, { source, file: `templates/${kind}/${name}.hbs` }]))
}

export function templateSet(parts: { shell?: string; slides?: Sources; partials?: Sources; handouts?: Sources; serve?: Sources }): TemplateSet {
  return {
    shell: { source: parts.shell ?? '<main>{{{slidesHtml}}}</main>', file: 'templates/deck.hbs' },
    slides: files('slides', parts.slides ?? {}),
    partials: files('partials', { ...SECTION_PARTIALS, ...parts.partials }),
    handouts: files('handouts', parts.handouts ?? {}),
    styles: [{ source: '.dh-frame{}', file: 'templates/deck.css' }],
    serve: files('serve', parts.serve ?? {}),
    handoutStyles: [{ source: '.dhp-page{}', file: 'templates/handouts/handouts.css' }],
    searched: ['deck/templates', 'templates'],
  }
}
