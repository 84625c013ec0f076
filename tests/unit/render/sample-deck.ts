// Sample data for render tests: one slide per built-in layout, a deck config and a theme.
import type { ChapterRef, DeckConfig, ListItem, Slide, SlideData, ThemeStyle } from '../../../src/model.js'
import { deckConfig } from '../../helpers/deck-config.js'
import { testSlide } from '../../helpers/slide.js'

export const DECK: DeckConfig = deckConfig({
  title: 'The PyTorch Story',
  subtitle: 'From research toy to the default framework',
  author: 'Ada Lovelace',
  date: '2026-11-26',
  event: 'Lunch & Learn',
  theme: 'default',
  file: 'content/talk/deck.yml',
})

export const THEME: ThemeStyle = {
  name: 'sample',
  css: '',
  printCss: '',
  assets: [],
  logo: null,
  footer: 'ACME Engineering',
  width: 1280,
  height: 720,
}

export const CHAPTERS: ChapterRef[] = [
  { number: 1, title: 'Origins', subtitle: 'Torch, Lua and a rewrite', file: 'content/talk/01-origins.md', firstSlideId: 'origins' },
  { number: 2, title: 'The four phases', subtitle: '2016 to today', file: 'content/talk/02-phases.md', firstSlideId: 'phases' },
  { number: 3, title: 'What it means for us', subtitle: '', file: 'content/talk/03-us.md', firstSlideId: 'us' },
]

export function item(label: string, rest: string, fragment = false): ListItem {
  const html = label ? `<strong>${label}</strong> — ${rest}` : rest
  return { html, text: html.replace(/<[^>]+>/g, ''), label, rest, fragment }
}

export function data(fields: Partial<SlideData>): SlideData {
  const title = fields.title ?? ''
  return { title, titleHtml: fields.titleHtml ?? title, lead: '', body: '', rest: '', items: [], sections: [], images: [], columns: [], ...fields }
}

let counter = 0
export function slide(layout: string, fields: Partial<SlideData>, extra: Partial<Slide> = {}): Slide {
  counter += 1
  return testSlide({
    id: `s-${layout}-${counter}`,
    index: counter,
    layout,
    data: data(fields),
    chapter: CHAPTERS[1]!,
    span: { file: 'content/talk/02-phases.md', line: counter * 10 },
    ...extra,
  })
}

const EVENTS = [
  ['2016', 'First public release, research-first and eager by default'],
  ['2017', 'Adopted by research labs; papers start shipping PyTorch code'],
  ['2018', 'Caffe2 merges in; PyTorch 1.0 brings TorchScript'],
  ['2019', 'Most papers at NeurIPS use it'],
  ['2020', 'Distributed training and mobile builds'],
  ['2022', 'Moves to the Linux Foundation'],
  ['2023', 'PyTorch 2.0: torch.compile'],
  ['2024', 'ExecuTorch for edge devices'],
]

/** One slide per built-in layout, with realistic content. */
export function sampleSlides(): Slide[] {
  counter = 0
  const list = '<ul><li>Eager execution made debugging <em>ordinary</em></li><li>Pythonic API: a tensor is just an object</li><li>Research code turned into product code with <code>torch.compile</code></li></ul>'
  return [
    slide('title', { title: DECK.title }, { chapter: null, generated: true }),
    slide('agenda', { title: 'Agenda' }, { chapter: null, generated: true }),
    slide('section', { title: 'The four phases' }, { generated: true }),
    slide('content', { title: 'Why researchers switched', lead: 'It felt like writing Python, not building a graph.', body: `<p>It felt like writing Python, not building a graph.</p>${list}`, rest: list }),
    slide('two-column', {
      title: 'Static versus eager',
      columns: ['<h3>TensorFlow 1.x</h3><ul><li>Build the graph first</li><li>Run it in a session</li></ul>', '<h3>PyTorch</h3><ul><li>Run as you go</li><li>Debug with print and pdb</li></ul>'],
    }),
    slide('quote', { quote: { html: '<p>I have been using PyTorch a few months now and I have never felt better.</p>', cite: 'Andrej Karpathy', text: 'I have been using PyTorch a few months now and I have never felt better.' } }),
    slide('timeline', { title: 'A short history', items: EVENTS.slice(0, 5).map(([l, r]) => item(l!, r!)) }),
    slide('timeline', { title: 'Eight years in eight steps', items: EVENTS.map(([l, r]) => item(l!, r!)) }),
    slide('cards', {
      title: 'Three things to take home',
      sections: [
        { title: 'Prototype fast', titleHtml: 'Prototype fast', html: '<p>Start in eager mode; compile only what is hot.</p>', items: [] },
        { title: 'Measure', titleHtml: 'Measure', html: '<ul><li>Profile first</li><li>Then optimise</li></ul>', items: [] },
        { title: 'Ship', titleHtml: 'Ship', html: '<p>Export with <code>torch.export</code> for serving.</p>', items: [] },
      ],
    }),
    slide('image', { title: 'The architecture', images: [{ src: 'data:image/svg+xml;utf8,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22800%22 height=%22450%22%3E%3Crect width=%22800%22 height=%22450%22 fill=%22%23cbd5e1%22/%3E%3C/svg%3E', alt: 'Layers of the stack', title: '' }] }),
    slide('code', {
      title: 'A training step',
      code: {
        lang: 'python',
        text: 'for x, y in loader:\n    loss = loss_fn(model(x), y)\n',
        html: '<pre class="dh-code"><code class="hljs language-python"><span class="hljs-keyword">for</span> x, y <span class="hljs-keyword">in</span> loader:\n    optimizer.zero_grad()\n    loss = loss_fn(model(x), y)  <span class="hljs-comment"># forward</span>\n    loss.backward()\n    optimizer.step()\n    <span class="hljs-built_in">print</span>(<span class="hljs-string">f&quot;loss <span class="hljs-subst">{loss.item():<span class="hljs-number">.3</span>f}</span>&quot;</span>)</code></pre>',
      },
    }),
    slide('end', { title: '' }, { chapter: null, generated: true }),
  ]
}
