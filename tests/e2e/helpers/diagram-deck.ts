// A deck with one slide for each Mermaid diagram type deckhand promises, a slide of formulas,
// and the text a reader should find of each in the PDFs.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const DIAGRAMS = {
  flowchart: { text: 'Prototype in eager mode', source: 'flowchart LR\n  R[Research idea] --> P{Prototype in eager mode}\n  P -->|works| S[Scale with DDP]\n  P -->|fails| R\n  S --> D[(Production serving)]' },
  sequence: { text: 'loss.backward()', source: 'sequenceDiagram\n  participant U as User\n  participant A as Autograd\n  U->>A: loss.backward()\n  A-->>U: gradients filled\n  Note over U,A: graph built on the fly' },
  class: { text: 'parameters()', source: 'classDiagram\n  class Module {\n    +parameters() Iterator\n    +forward(x) Tensor\n  }\n  class Linear {\n    +in_features int\n  }\n  Module <|-- Linear' },
  state: { text: 'Compiled', source: 'stateDiagram-v2\n  [*] --> Eager\n  Eager --> Compiled: torch.compile\n  Compiled --> Eager: graph break\n  Compiled --> [*]' },
  er: { text: 'CHECKPOINT', source: 'erDiagram\n  MODEL ||--o{ CHECKPOINT : saves\n  CHECKPOINT }o--|| RUN : "belongs to"' },
  gantt: { text: 'Release train', source: 'gantt\n  title Release train\n  dateFormat YYYY-MM-DD\n  section Core\n  Design :a1, 2026-01-05, 20d\n  Build :a2, after a1, 30d' },
  pie: { text: 'TensorFlow', source: 'pie title Papers by framework\n  "PyTorch" : 68\n  "TensorFlow" : 20\n  "JAX" : 12' },
  mindmap: { text: 'Python first', source: 'mindmap\n  root((PyTorch))\n    Research\n      Python first\n    Production\n      TorchScript' },
  timeline: { text: 'Caffe2 merged', source: 'timeline\n  title From lab to data centre\n  2016 : Torch7 to PyTorch\n  2018 : PyTorch 1.0 : Caffe2 merged\n  2023 : torch.compile' },
} as const

export type DiagramKind = keyof typeof DIAGRAMS

export const FORMULAS_SLIDE = [
  '## Formulas',
  '',
  'Softmax $\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$ and tickets at $5 and $10.',
  '',
  '$$',
  '\\operatorname{Attention}(Q,K,V) = \\operatorname{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V',
  '$$',
  '',
  '\\[ \\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{n=1}^{N} \\log p_\\theta(y_n \\mid x_n) \\]',
  '',
  '```math',
  'f(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ \\alpha (e^x - 1) & \\text{otherwise} \\end{cases}',
  '```',
].join('\n')

/** Writes the project (package.json, content/<deck>/) under `root`; slide n+1 holds DIAGRAMS' n-th kind. */
export function writeDiagramDeck(root: string, deck: string, theme = 'daylight'): void {
  const dir = path.join(root, 'content', deck)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(root, 'package.json'), '{}')
  writeFileSync(path.join(dir, 'deck.yml'), `title: Diagrams and math\ntheme: ${theme}\nagenda: false\n`)
  const slides = [
    FORMULAS_SLIDE,
    ...Object.entries(DIAGRAMS).map(([kind, { source }]) => `## The ${kind} diagram\n\n\`\`\`mermaid {alt="A ${kind} diagram"}\n${source}\n\`\`\`\nCaption of the ${kind} diagram`),
  ]
  writeFileSync(path.join(dir, '01-all.md'), slides.join('\n\n---\n\n') + '\n')
}
