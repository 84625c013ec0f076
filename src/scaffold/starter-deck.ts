// Pure: the files of a new deck: deck.yml and two chapters that show the authoring dialect.

export interface StarterOptions {
  readonly name: string
  readonly title: string
  /** ISO date written into deck.yml. */
  readonly date: string
}

/** File contents by path relative to the new deck folder. */
export function starterDeckFiles(options: StarterOptions): Record<string, string> {
  return {
    'deck.yml': deckYml(options),
    '01-introduction.md': INTRODUCTION,
    '02-details.md': DETAILS,
    'images/pipeline.svg': PIPELINE_SVG,
  }
}

/** "quarterly-review" -> "Quarterly review": a readable default title. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_.]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function deckYml({ title, date }: StarterOptions): string {
  // JSON strings are valid YAML scalars, so any title is written safely.
  return `# The deck's settings. Chapters are the *.md files here, in file-name order.
title: ${JSON.stringify(title)}
subtitle: "A subtitle for the title slide"
author: "Your Name"
date: ${JSON.stringify(date)}
event: ""
theme: daylight
# Planned length in minutes: \`deckhand check\` warns when the notes run longer.
duration: 10
speakingRate: 130
handouts:
  layouts: [notes, 3-up, outline]
  paper: A4
`
}

const INTRODUCTION = `---
title: Introduction
subtitle: What this deck is about
---

## Why we are here

The first paragraph under the title is the lead.

- A list written with \`-\` appears all at once
- Keep each item short enough to read at a glance
- Three to five items per slide is plenty

Note:
Everything after "Note:" is for the speaker view (press S) and the notes handout.
The audience never sees it. Write what you want to say, in full sentences.

---

## Step by step

+ A list written with \`+\` appears one item at a time
+ Each press of the arrow key reveals the next item
+ Handy for building an argument

A paragraph that ends with {+} is a fragment too. {+}

Note:
Fragments let you pace a slide. Use them when the order of ideas matters.

---

## Two columns, no HTML

:::columns
### Before

- Slides written by hand
- Styles copied between decks

|||

### After

- Chapters in Markdown
- One theme for every deck
:::

Note:
Columns are separated by three bars on their own line, inside a columns block.

---

> Simple things should be simple, complex things should be possible.
>
> — Alan Kay

Note:
A slide that holds only a quote uses the quote layout automatically.
`

const DETAILS = `---
title: The details
subtitle: Templates, code and images
---

<!-- template: timeline -->

## How a deck gets built

- **Write** — chapters in Markdown, one file each
- **Build** — \`deckhand build\` renders every slide through its template
- **Preview** — \`deckhand serve\` reloads the page on every save
- **Check** — \`deckhand check\` finds overflow, broken links and long talks

Note:
The template comment above the title picks a layout for one slide.
The timeline layout reads the bold label at the start of each item.

---

## Code, highlighted at build time

\`\`\`ts {2}
export function greet(name: string): string {
  return \`Hello, \${name}!\`
}
\`\`\`

Note:
The numbers in braces after the language highlight lines.

---

<!-- template: image -->

## A picture

![Three boxes joined by arrows: Markdown, templates, slides](images/pipeline.svg)

Note:
Images are paths relative to the chapter file; they are copied into the output.

---

## A diagram from text

\`\`\`mermaid {alt="A flowchart: Markdown and a theme go into deckhand, which makes the slides and the PDFs"}
flowchart LR
  md[Markdown chapters] --> dh{{deckhand}}
  theme[Theme] --> dh
  dh --> html[HTML slides]
  dh --> pdf[PDF handouts]
\`\`\`
Drawn at build time, in the theme's colours and fonts

Note:
A mermaid fence becomes a diagram when the deck is built: no script runs when it is shown.
The line right after the fence is its caption; alt text goes in braces after "mermaid".

---

## A formula or two

Inline math goes between dollars, like $e^{i\\pi} + 1 = 0$; a price like $5 stays text.

$$
\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i
$$

Note:
Formulas are typeset at build time with KaTeX. Two dollars on their own lines make a display formula.
Emoji shortcodes work too :sparkles:

---

<!-- template: cards -->

## Next steps

### Edit
Change these chapters or add \`03-more.md\`.

### Theme
Set \`theme:\` in deck.yml to change colours and fonts.

### Print
\`deckhand build --pdf\` prints slides and handouts.

:::handout
This paragraph appears in the handouts only.
:::

Note:
Cards come from the level-three headings of a slide.
`

const PIPELINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 160" width="640" height="160" role="img" aria-label="Markdown, templates, slides">
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">
      <path d="M0,0 L10,5 L0,10 z" fill="#555"/>
    </marker>
  </defs>
  <g font-family="sans-serif" font-size="20" text-anchor="middle">
    <rect x="10" y="40" width="160" height="80" rx="12" fill="#e8f0fe" stroke="#3367d6" stroke-width="2"/>
    <text x="90" y="86">Markdown</text>
    <rect x="240" y="40" width="160" height="80" rx="12" fill="#fef7e0" stroke="#e37400" stroke-width="2"/>
    <text x="320" y="86">Templates</text>
    <rect x="470" y="40" width="160" height="80" rx="12" fill="#e6f4ea" stroke="#188038" stroke-width="2"/>
    <text x="550" y="86">Slides</text>
    <line x1="172" y1="80" x2="236" y2="80" stroke="#555" stroke-width="3" marker-end="url(#arrow)"/>
    <line x1="402" y1="80" x2="466" y2="80" stroke="#555" stroke-width="3" marker-end="url(#arrow)"/>
  </g>
</svg>
`
