// Pure: Slidev's Vue markup in a slide, turned into what a Reveal.js deck can show. `v-click` and
// `<v-click>` become fragments, `<v-clicks>` lists become fragment lists; components (which need
// Vue to run), `<script setup>` and `<style>` blocks are removed, each with a warning at its line.
import { warning, type Diagnostic } from '../../../diagnostics/diagnostic.js'
import type { TextRange } from '../text-ranges.js'
import { closingTag, scanTags, type Tag, type TagAttribute } from './scan-tags.js'
import { isHtmlTag } from './html-tags.js'

interface Edit extends TextRange {
  readonly text: string
}

export function rewriteVueMarkup(text: string, firstLine: number, file: string, diagnostics: Diagnostic[]): string {
  const tags = scanTags(text)
  const edits: Edit[] = []
  const removed = (tag: Tag, what: string, hint?: string): void => {
    const close = tag.selfClosing || tag.closing ? undefined : closingTag(tags, tags.indexOf(tag))
    const end = close ? close.end : tag.end
    edits.push({ index: tag.index, length: end - tag.index, text: '' })
    diagnostics.push(warning(what === 'component' ? 'component-removed' : 'foreign-syntax', message(tag, what), { file, line: firstLine + tag.line }, hint))
  }
  // Indices only where `v-after` joins an element to the click before it; otherwise the order
  // on the page is the order of the clicks, as Reveal steps through fragments without one.
  const numbered = tags.some((t) => t.attributes.some((a) => a.name.startsWith('v-after')))
  const index = (n: number): string => (numbered ? ` data-fragment-index="${n}"` : '')
  let clicks = -1
  for (const [i, tag] of tags.entries()) {
    if (edits.some((e) => tag.index >= e.index && tag.index < e.index + e.length)) continue
    const name = tag.name.toLowerCase()
    if (tag.closing) {
      if (name === 'v-click') edits.push({ index: tag.index, length: tag.end - tag.index, text: '</div>' })
      else if (name === 'v-clicks') edits.push(...fragmentList(text, tags, i))
      continue
    }
    if (name === 'script' || name === 'style') removed(tag, name)
    else if (name === 'v-click') edits.push({ index: tag.index, length: tag.end - tag.index, text: `<div class="fragment"${index(++clicks)}>` })
    else if (name === 'v-clicks') edits.push({ index: tag.index, length: tag.end - tag.index, text: '' })
    else if (!isHtmlTag(tag.name)) removed(tag, 'component', 'Components need Vue and run only in Slidev; write the content as Markdown or HTML instead.')
    else if (tag.attributes.some(isVueAttribute)) {
      const after = tag.attributes.some((a) => a.name.startsWith('v-after'))
      const click = tag.attributes.some((a) => /^v-click(\.|$)/.test(a.name))
      if (click) clicks++
      edits.push({ index: tag.index, length: tag.end - tag.index, text: rebuildTag(tag, click || after ? Math.max(clicks, 0) : -1, index) })
    }
  }
  return applyEdits(text, edits)
}

function message(tag: Tag, what: string): string {
  if (what === 'script') return 'A <script> block was left out: it runs only in Slidev'
  if (what === 'style') return 'A <style> block was left out: slides take their look from the deck\'s theme'
  return `The Vue component <${tag.name}> was removed: it runs only in Slidev`
}

/** Directives, bound props and listeners: Vue reads them, a static deck cannot. */
function isVueAttribute(attr: TagAttribute): boolean {
  return /^(v-|:|@|#)/.test(attr.name) || /^[\w-]+:[\w-]/.test(attr.name)
}

/** The tag without Vue's attributes; a click (or `v-after`) makes it a fragment. */
function rebuildTag(tag: Tag, click: number, index: (n: number) => string): string {
  const kept = tag.attributes.filter((a) => !isVueAttribute(a) && a.name !== 'class')
  const classes = [tag.attributes.find((a) => a.name === 'class')?.value ?? '', click >= 0 ? 'fragment' : ''].filter(Boolean).join(' ')
  const attrs = [...(classes ? [`class="${classes}"`] : []), ...(click >= 0 && index(click) ? [index(click).trim()] : []), ...kept.map((a) => a.raw)]
  return `<${tag.name}${attrs.length ? ` ${attrs.join(' ')}` : ''}${tag.selfClosing ? ' />' : '>'}`
}

/** Between `<v-clicks>` and its closing tag, list items become deckhand's `+` fragment items. */
function fragmentList(text: string, tags: readonly Tag[], closeAt: number): Edit[] {
  const close = tags[closeAt]!
  let open = -1
  for (let i = closeAt - 1; i >= 0 && open < 0; i--) if (tags[i]!.name.toLowerCase() === 'v-clicks' && !tags[i]!.closing) open = i
  const edits: Edit[] = [{ index: close.index, length: close.end - close.index, text: '' }]
  if (open < 0) return edits
  const from = tags[open]!.end
  const inner = text.slice(from, close.index)
  const indents = [...inner.matchAll(/^([ \t]*)[-*+][ \t]/gm)].map((m) => m[1]!.length)
  const top = indents.length ? Math.min(...indents) : -1
  for (const m of inner.matchAll(/^([ \t]*)[-*][ \t]/gm)) {
    if (m[1]!.length === top) edits.push({ index: from + m.index + m[1]!.length, length: 1, text: '+' })
  }
  return edits
}

/** Applies the edits from the end; a removal keeps the line breaks it held, so later lines still match the file. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text
  let limit = text.length
  for (const edit of [...edits].sort((a, b) => b.index - a.index)) {
    if (edit.index + edit.length > limit) continue
    const replacement = edit.text === '' ? text.slice(edit.index, edit.index + edit.length).replace(/[^\n]/g, '') : edit.text
    out = out.slice(0, edit.index) + replacement + out.slice(edit.index + edit.length)
    limit = edit.index
  }
  return out
}
