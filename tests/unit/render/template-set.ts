// Builds a TemplateSet in memory, so render tests need no disk.
import type { TemplateFile, TemplateSet } from '../../../src/render/load-templates.js'

type Sources = Readonly<Record<string, string>>

function files(kind: string, sources: Sources): Map<string, TemplateFile> {
  return new Map(Object.entries(sources).map(([name, source]) => [name, { source, file: `templates/${kind}/${name}.hbs` }]))
}

export function templateSet(parts: { shell?: string; slides?: Sources; partials?: Sources; handouts?: Sources }): TemplateSet {
  return {
    shell: { source: parts.shell ?? '<main>{{{slidesHtml}}}</main>', file: 'templates/deck.hbs' },
    slides: files('slides', parts.slides ?? {}),
    partials: files('partials', parts.partials ?? {}),
    handouts: files('handouts', parts.handouts ?? {}),
    styles: [{ source: '.dh-frame{}', file: 'templates/deck.css' }],
    handoutStyles: [{ source: '.dhp-page{}', file: 'templates/handouts/handouts.css' }],
    searched: ['deck/templates', 'templates'],
  }
}
