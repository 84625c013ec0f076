// Chapters built to be slow: long runs of one character, brackets, emphasis markers, deep
// nesting. Each grows to about `size` characters; a build must take time in proportion to it.
// Shared by the tests (a generous bound per case) and `npm run bench:inputs` (timed). Not part
// of the product.

const repeat = (unit, size) => unit.repeat(Math.max(1, Math.floor(size / unit.length)))

/** name -> chapter text of about `size` characters; `nested` cases are errors at `line`. */
export const PATHOLOGICAL_INPUTS = [
  { name: 'ordinary paragraphs (baseline)', make: (size) => repeat('A presenter explains the point in plain words, with one example.\n\n', size) },
  // Twice the size: the old fragment-mark pattern took 47 s on 150,000 spaces, under half of that on 100,000.
  { name: 'a, a run of spaces, b', make: (size) => `## T\n\na${' '.repeat(2 * size)}b\n` },
  { name: 'a run of spaces before {+}', make: (size) => `## T\n\na${' '.repeat(2 * size)}{+} b\n` },
  { name: 'a run of tabs', make: (size) => `a${'\t'.repeat(size)}b\n` },
  { name: 'a line of [', make: (size) => '['.repeat(size) },
  { name: '[ … ] nested', make: (size) => `${'['.repeat(size / 2)}a${']'.repeat(size / 2)}` },
  { name: 'unfinished links [a](', make: (size) => repeat('[a](', size) },
  { name: 'a line of *', make: (size) => `${'*'.repeat(size)}a` },
  { name: '*x openers, one closer', make: (size) => `${repeat('*x ', size)}x*` },
  { name: '_x openers, one closer', make: (size) => `${repeat('_x ', size)}x_` },
  { name: '~x openers, one closer', make: (size) => `${repeat('~x ', size)}x~` },
  { name: '_a_a_a (e-mail characters)', make: (size) => repeat('_a', size) },
  { name: '*a*a*a', make: (size) => repeat('*a', size) },
  { name: '**a**a', make: (size) => repeat('**a', size) },
  { name: 'a@a@a@', make: (size) => repeat('a@', size) },
  { name: 'a line of <', make: (size) => '<'.repeat(size) },
  { name: '<a <a <a', make: (size) => repeat('<a ', size) },
  { name: '<!-- without -->', make: (size) => repeat('<!--', size) },
  { name: '<!-- .slide: without -->', make: (size) => repeat('<!-- .slide:', size) },
  { name: 'backslashes', make: (size) => '\\'.repeat(size) },
  { name: 'escaped brackets', make: (size) => repeat('\\[', size) },
  { name: 'backtick runs', make: (size) => repeat('`a``', size) },
  { name: 'fences opening fences', make: (size) => repeat('```\n', size) },
  { name: 'a URL with trailing )))', make: (size) => `www.a${')'.repeat(size)}` },
  { name: 'many www.a', make: (size) => repeat('www.a ', size) },
  { name: 'sibling ::: blocks', make: (size) => repeat(':::handout\nA note.\n:::\n', size) },
  { name: 'unclosed ::: blocks in a quote', make: (size) => repeat('> :::x\n', size), nested: { line: 1 } },
  { name: 'table pipes', make: (size) => `a|b\n-|-\n${'|'.repeat(size)}` },
  { name: 'entities &#', make: (size) => repeat('&#', size) },
  { name: 'unclosed ::: blocks', make: (size) => repeat(':::x\n', size), nested: { line: 34 } },
  { name: 'nested lists 1,000 deep', make: () => Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n'), nested: { line: 33 } },
  { name: '2,000 nested >', make: () => `Intro\n\n${'>'.repeat(2000)} deep\n`, nested: { line: 3 } },
  { name: 'emphasis nested in emphasis', make: (size) => `${repeat('*t ', size / 2)}${repeat('_t*_ ', size / 2)}`, nested: { line: 1 } },
]
