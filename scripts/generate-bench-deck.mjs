// Writes a project with one deck of N slides of realistic content (headings, bullets, code,
// tables, images, notes), for the benchmark. Not part of the product.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

const SLIDES_PER_CHAPTER = 20

const SNIPPETS = [
  ['python', 'import torch\n\nmodel = torch.nn.Linear(10, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor x, y in loader:\n    opt.zero_grad()\n    loss = (model(x) - y).pow(2).mean()\n    loss.backward()\n    opt.step()'],
  ['typescript', 'export async function load(url: string): Promise<Deck> {\n  const res = await fetch(url)\n  if (!res.ok) throw new Error(`HTTP ${res.status}`)\n  return (await res.json()) as Deck\n}'],
  ['bash', 'npm install\nnpx deckhand build talk --pdf\nls dist/talk'],
]

// Drawn on every tenth slide of a deck with diagrams: each differs (its labels name the slide).
const DIAGRAMS = [
  (i) => `flowchart LR\n  A${i}[Idea ${i}] --> B{Prototype} -->|works| C[Scale] --> D[(Serve ${i})]`,
  (i) => `sequenceDiagram\n  User->>Model: forward ${i}\n  Model-->>User: loss ${i}`,
  (i) => `classDiagram\n  class Module${i} {\n    +forward(x) Tensor\n  }\n  Module${i} <|-- Linear${i}`,
  (i) => `stateDiagram-v2\n  [*] --> Eager${i}\n  Eager${i} --> Compiled: compile\n  Compiled --> [*]`,
  (i) => `erDiagram\n  MODEL${i} ||--o{ CHECKPOINT : saves`,
  (i) => `gantt\n  title Plan ${i}\n  dateFormat YYYY-MM-DD\n  section Core\n  Design :a1, 2026-01-05, 20d\n  Build :after a1, 30d`,
  (i) => `pie title Share ${i}\n  "PyTorch" : ${60 + (i % 9)}\n  "Other" : 30`,
  (i) => `mindmap\n  root((Deck ${i}))\n    Research\n    Production`,
  (i) => `timeline\n  title Story ${i}\n  2016 : Launch\n  2023 : Compile`,
]

function slide(i, rich) {
  if (rich && i % 10 === 3) return `## Diagram ${i}\n\n\`\`\`mermaid\n${DIAGRAMS[Math.floor(i / 10) % DIAGRAMS.length](i)}\n\`\`\`\n\nNote: Walk through diagram ${i}.`
  const kind = i % 5
  // With formulas, every slide of the first kind carries one in its lead (40 in 200 slides).
  const formula = rich && kind === 0 ? ` With $\\theta_{${i}} \\leftarrow \\theta - \\eta \\nabla_\\theta \\mathcal{L}_{${i}}$ each step.` : ''
  const notes = `Note: Slide ${i} speaker notes. Explain the point in plain words, give one example from practice, and connect it to the next slide. Keep it under a minute; the audience has the handout.`
  if (kind === 0) {
    return `## Point ${i}: why it matters\n\nA lead sentence that frames the slide for the room.${formula}\n\n- First bullet with **bold** and \`code\`\n- Second bullet with a [link](https://example.com/${i})\n- Third bullet that is a little longer than the others\n- Fourth bullet\n\n${notes}`
  }
  if (kind === 1) {
    const [lang, code] = SNIPPETS[i % SNIPPETS.length]
    // Each block differs, as in a real deck, so nothing can be reused between slides.
    const comment = lang === 'python' || lang === 'bash' ? '#' : '//'
    return `## Example ${i}\n\n\`\`\`${lang} {2-3}\n${comment} step ${i}\n${code.replaceAll('10', String(i))}\n\`\`\`\n\n${notes}`
  }
  if (kind === 2) {
    return `## Numbers ${i}\n\n| Release | Year | Headline |\n| --- | --- | --- |\n| 1.0 | 2018 | Production |\n| 2.0 | 2023 | Compiler |\n| 2.${i % 10} | 2025 | Steady |\n\n${notes}`
  }
  if (kind === 3) return `## Diagram ${i}\n\n![Diagram ${i}](images/diagram.svg)\n\n${notes}`
  return `## Two sides ${i}\n\n:::columns\n- Eager\n- Python-first\n|||\n- Graph\n- Compiled\n:::\n\n${notes}`
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200" fill="#f3f4f6"/><circle cx="100" cy="100" r="60" fill="#ee4c2c"/><text x="200" y="110" font-family="sans-serif" font-size="24">diagram</text></svg>\n`

/**
 * Creates `<root>/content/bench/` with `count` slides; returns the project root. With `rich`, one
 * slide in ten is a diagram instead and one in five has a formula.
 */
export async function generateBenchProject(root, count, rich = false) {
  const deckDir = path.join(root, 'content', 'bench')
  await mkdir(path.join(deckDir, 'images'), { recursive: true })
  await writeFile(path.join(root, 'package.json'), '{ "name": "bench", "private": true }\n')
  const chapters = Math.max(1, Math.ceil(count / SLIDES_PER_CHAPTER))
  await writeFile(
    path.join(deckDir, 'deck.yml'),
    `title: Benchmark deck\nsubtitle: ${count} slides\nauthor: Bench\ndate: "2026-01-01"\nevent: Bench\ntheme: daylight\ntitleSlide: false\nagenda: false\nhandouts:\n  layouts: [notes, 2-up, 3-up, 6-up, outline]\n  paper: A4\n`,
  )
  await writeFile(path.join(deckDir, 'images', 'diagram.svg'), SVG)
  let made = 0
  for (let c = 1; c <= chapters; c++) {
    const n = Math.min(SLIDES_PER_CHAPTER, count - made)
    const body = Array.from({ length: n }, (_, k) => slide(made + k + 1, rich)).join('\n\n---\n\n')
    // section: false keeps the slide count exact (one page per slide in slides.pdf).
    await writeFile(path.join(deckDir, `${String(c).padStart(3, '0')}-part.md`), `---\ntitle: Part ${c}\nsection: false\n---\n${body}\n`)
    made += n
  }
  return root
}

