// A hand-built deck for print tests: what the build hands over (rendered slides with their
// print data, config, theme, chapters, templates) as a BuiltDeck, without disk or browser.
import { deflateSync } from 'node:zlib'
import type { ChapterRef, DeckConfig, RenderedSlide, Slide, SlideData, ThemeStyle } from '../../src/model.js'
import type { BuiltDeck } from '../../src/pipeline/built-deck.js'
import type { TemplateSet } from '../../src/render/load-templates.js'
import { testSlide } from './slide.js'

export const KNOWN = {
  codeSlideTitle: 'Compile the model',
  codeNote: 'Mention that torch.compile keeps eager semantics',
  longNoteStart: 'This note is deliberately long',
  longNoteEnd: 'End of the long note',
  handoutOnly: 'Reading list for after the talk',
  slidesOnly: 'Only on the screen',
  chapterTitles: ['Why it matters', 'How it works'],
} as const

const chapters: ChapterRef[] = [
  { number: 1, title: KNOWN.chapterTitles[0], subtitle: 'Faster iteration', file: '01-why.md', firstSlideId: 'why-it-matters' },
  { number: 2, title: KNOWN.chapterTitles[1], subtitle: 'From eager to compiled', file: '02-how.md', firstSlideId: 'how-it-works' },
]

function data(title: string, body: string, extra: Partial<SlideData> = {}): SlideData {
  return { title, titleHtml: title, lead: '', body, rest: body, items: [], sections: [], images: [], columns: [], ...extra }
}

function slide(index: number, id: string, layout: string, d: SlideData, chapter: ChapterRef | null, notes = '', generated = false, print: Partial<Slide['print']> = {}): Slide {
  const notesHtml = notes ? notes.split('\n\n').map((p) => `<p>${p}</p>`).join('') : ''
  return testSlide({
    id, index, layout, data: d, notesHtml, notesText: notes, chapter, generated,
    span: { file: chapter?.file ?? 'deck.yml', line: index },
    print: { handoutBlocks: [], fragmentSteps: 0, outlineBody: d.body, ...print },
  })
}

function longNote(): string {
  const para = 'The team kept the Python front end and made the compiler optional, so existing code kept working while the fast path grew underneath it.'
  const paras = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}. ${para} ${para}`)
  return [`${KNOWN.longNoteStart}: it must flow onto the next page.`, ...paras, KNOWN.longNoteEnd].join('\n\n')
}

/** The eight-slide deck in two chapters; `extraSlides` appends content slides to chapter 2 (for big decks). */
export function fixtureSlides(extraSlides = 0): RenderedSlide[] {
  const [c1, c2] = chapters as [ChapterRef, ChapterRef]
  const code = '<pre><code class="hljs language-python"><span class="hljs-keyword">import</span> torch\nmodel = torch.<span class="hljs-title">compile</span>(model)</code></pre>'
  const list = '<ul><li>Research code that runs as written</li><li class="fragment">One tool from notebook to production</li><li class="fragment">A community that outgrew one company</li></ul>'
  const imageBody = `<p><img src="images/photo.png" alt="A test picture"></p><div class="dh-handout-only"><p>${KNOWN.handoutOnly}: the 2024 documentary.</p></div><div class="dh-slides-only"><p>${KNOWN.slidesOnly}</p></div>`
  const slides: [Slide, string][] = [
    [slide(1, 'title', 'title', data('The PyTorch Story', ''), null), '<h1>The PyTorch Story</h1><p class="subtitle">A lunch-and-learn</p>'],
    [slide(2, 'agenda', 'agenda', data('Agenda', ''), null), `<h2>Agenda</h2><ol><li><a href="#/why-it-matters">${c1.title}</a></li><li><a href="#/how-it-works">${c2.title}</a></li></ol>`],
    [slide(3, 'why-it-matters', 'section', data(c1.title, ''), c1, '', true), `<h1>${c1.title}</h1><p>${c1.subtitle}</p>`],
    [slide(4, 'eager-first', 'content', data('Eager first', list), c1, 'Ask who has used a notebook this week.', false, { fragmentSteps: 2 }), `<h2>Eager first</h2>${list}`],
    [slide(5, 'the-film', 'image', data('The film', imageBody), c1, longNote(), false, { handoutBlocks: [`<p>${KNOWN.handoutOnly}: the 2024 documentary.</p>`] }), `<h2>The film</h2>${imageBody}`],
    [slide(6, 'how-it-works', 'section', data(c2.title, ''), c2, '', true), `<h1>${c2.title}</h1><p>${c2.subtitle}</p>`],
    [slide(7, 'a-quote', 'quote', data('In their words', '<blockquote><p>Python first, always.</p></blockquote>'), c2, 'Read it slowly.'), '<blockquote><p>Python first, always.</p></blockquote>'],
    [slide(8, 'compile-the-model', 'code', data(KNOWN.codeSlideTitle, code), c2, `${KNOWN.codeNote}.`), `<h2>${KNOWN.codeSlideTitle}</h2>${code}`],
  ]
  for (let i = 0; i < extraSlides; i++) {
    const n = slides.length + 1
    const body = `<ul><li>Point one of slide ${n}</li><li>Point two with <code>code</code></li><li>Point three</li></ul>${i % 5 === 0 ? code : ''}`
    slides.push([slide(n, `extra-${n}`, 'content', data(`Extra slide ${n}`, body), c2, `Notes for slide ${n}.`), `<h2>Extra slide ${n}</h2>${body}`])
  }
  return slides.map(([s, html]) => ({ slide: s, html }))
}

export function fixtureConfig(file: string): DeckConfig {
  return {
    title: 'The PyTorch Story', subtitle: 'From research code to production', author: 'Ada Example',
    date: '2026-11-26', event: 'Lunch & Learn', theme: 'default', chapters: [], html: 'safe', reveal: {},
    handouts: { layouts: ['3-up'], paper: 'A4' }, titleSlide: true, agenda: true, duration: 45, speakingRate: 130,
    math: { macros: {} }, lang: '',
    spans: {}, file,
  }
}

const THEME_VARS = `--dh-bg: #0f172a; --dh-text: #e2e8f0; --dh-heading: #ffffff; --dh-accent: #f97316; --dh-muted: #94a3b8;
  --dh-rule: #334155; --dh-link: #fb923c; --dh-code-bg: #020617; --dh-code-text: #e2e8f0; --dh-code-keyword: #f472b6;
  --dh-code-title: #60a5fa; --dh-font-body: 'Inter', sans-serif; --dh-font-heading: 'Inter', sans-serif;
  --dh-font-code: 'JetBrains Mono', monospace; --dh-title-bg: #c2410c; --dh-section-bg: #1e293b;`
const PRINT_VARS = `--dh-bg: #eef2f7; --dh-text: #1e293b; --dh-heading: #0f172a; --dh-accent: #c2410c; --dh-muted: #64748b;
  --dh-rule: #cbd5e1; --dh-link: #c2410c; --dh-font-body: 'Inter', sans-serif; --dh-font-heading: 'Inter', sans-serif;
  --dh-font-code: 'JetBrains Mono', monospace;`
const FONT_FACES = `@font-face { font-family: 'Inter'; font-weight: 400; src: url(fonts/inter-400.woff2) format('woff2') }
@font-face { font-family: 'Inter'; font-weight: 700; src: url(fonts/inter-700.woff2) format('woff2') }
@font-face { font-family: 'JetBrains Mono'; font-weight: 400; src: url(fonts/jetbrains-mono-400.woff2) format('woff2') }`

export const DECK_CSS = `.reveal { font-family: var(--dh-font-body); color: var(--dh-text); font-size: 36px; }
.reveal .slides section { padding: 56px 72px; text-align: left; }
.reveal h1, .reveal h2 { font-family: var(--dh-font-heading); color: var(--dh-heading); margin: 0 0 24px; }
.reveal h1 { font-size: 80px; } .reveal h2 { font-size: 56px; border-bottom: 4px solid var(--dh-accent); padding-bottom: 8px; }
.reveal a { color: var(--dh-link); }
.reveal pre { background: var(--dh-code-bg); color: var(--dh-code-text); padding: 24px; font-size: 28px; }
.reveal pre, .reveal code { font-family: var(--dh-font-code); }
.reveal .hljs-keyword { color: var(--dh-code-keyword); } .reveal .hljs-title { color: var(--dh-code-title); }
.reveal img { max-height: 360px; }
.reveal section.dh-layout-title, .reveal section.dh-layout-section { background: var(--dh-title-bg); display: flex !important; flex-direction: column; justify-content: center; }
.reveal blockquote { font-size: 64px; font-style: italic; border-left: 12px solid var(--dh-accent); padding-left: 32px; margin: 120px 0 0; }`

export function fixtureTheme(): ThemeStyle {
  return {
    name: 'fixture', css: `${FONT_FACES}\n:root { ${THEME_VARS} }`, printCss: `${FONT_FACES}\n:root { ${PRINT_VARS} }`,
    assets: [], logo: null, footer: '', width: 1280, height: 720,
  }
}

/** The fixture as a built deck in `outDir`, printed through `templates`; its output lists what writeFixtureDeck writes. */
export function fixtureBuiltDeck(outDir: string, templates: TemplateSet, extraSlides = 0, overrides: Partial<BuiltDeck> = {}): BuiltDeck {
  const theme = fixtureTheme()
  const slides = fixtureSlides(extraSlides)
  const files = { 'index.html': '<!doctype html><title>The PyTorch Story</title><div class="reveal"></div>', 'theme.css': theme.css, 'deck.css': DECK_CSS }
  return {
    name: 'fixture', deckDir: outDir, outDir, config: fixtureConfig(`${outDir}/deck.yml`), chapters, slides: slides.map((s) => s.slide),
    html: { deck: 'fixture', html: files['index.html'], slides, assets: [], files: {} }, theme, templates,
    output: { files, assets: [] }, inputs: [], drawnDiagrams: 0, ...overrides,
  }
}

/** A small RGB PNG (a colour gradient), written without an image library. */
export function gradientPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = Math.round((255 * x) / width)
      raw[row + 2 + x * 3] = Math.round((255 * y) / height)
      raw[row + 3 + x * 3] = 160
    }
  }
  const chunk = (type: string, body: Buffer): Buffer => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(body.length)
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([len, typed, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}
