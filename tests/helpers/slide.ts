// Slides for tests that don't go through buildSlides: every field filled, overridable.
import type { Slide, SlideData } from '../../src/model.js'

export function slideData(fields: Partial<SlideData> = {}): SlideData {
  return { title: '', titleHtml: '', lead: '', body: '', rest: '', items: [], sections: [], images: [], columns: [], ...fields }
}

/** A content slide at `span` (default content/talk/01.md:1); its Markdown, links and print data empty unless given. */
export function testSlide(overrides: Partial<Slide> = {}): Slide {
  const span = overrides.span ?? { file: 'content/talk/01.md', line: 1 }
  const data = overrides.data ?? slideData()
  return {
    id: 's',
    index: 1,
    layout: 'content',
    data,
    notesHtml: '',
    notesText: '',
    attributes: [],
    newStack: true,
    chapter: null,
    generated: false,
    span,
    source: { file: span.file, markdown: '', markdownLine: span.line },
    links: [],
    print: { handoutBlocks: [], fragmentSteps: 0, outlineBody: data.body },
    ...overrides,
  }
}
