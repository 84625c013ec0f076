// Pure: the print runtime, which the printer adds to every print document, so that a deck's
// own document.hbs can change the page around it and never break printing. It holds the page
// unlaid until fonts and images are in, names the bookmarks, keeps the page cheap to print and
// raises the ready flag the printer waits for (window.__deckhandReady).
import { insertBeforeClosingTag } from '../html/insert-html.js'
import { BOOKMARK_URL } from './bookmark-marker.js'
import { VIDEO_FRAME_PROPERTY } from './paper-background.js'

const HEAD = `<!-- Nothing is laid out until fonts and images are in: the page is then laid out once. -->
<style id="dhp-hold">body { display: none !important; }</style>
<!-- The page is parked (content-visibility skips its layout and paint but keeps its boxes,
     which printing reuses) once measured, until printing starts, and whenever the viewport is
     one pixel tall: the printer shrinks it before printing, as Chromium lays the page out
     again at the viewport after printing. Printing sees the paper, not the viewport. -->
<style id="dhp-park" media="(max-height: 2px)">body { content-visibility: hidden !important; }</style>
`

const SCRIPT = `<script>
// Every box that clips is a paint layer, and Chromium visits each layer of the document on
// every page it prints: 1,000 slides with a few clipped boxes each made printing grow with the
// square of the page count. Boxes whose content fits are opened (overflow: visible), so only
// content that really spills is still clipped. Images keep their clip when they have rounded
// corners (the clip rounds them) or an object-fit that lets them out of their box. Not
// measured, as rare: overflow to the left or top, and a child reaching into a rounded corner.
function openUnneededClips() {
  const open = []
  for (const el of clipCandidates()) {
    const style = getComputedStyle(el)
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
    const replaced = el instanceof HTMLImageElement || el instanceof HTMLVideoElement || el instanceof HTMLCanvasElement || el instanceof SVGElement
    const rounded = ['borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomRightRadius', 'borderBottomLeftRadius'].some((corner) => parseFloat(style[corner]) > 0)
    const fits = replaced
      ? !rounded && /^(contain|fill|scale-down)$/.test(style.objectFit) && style.objectPosition === '50% 50%'
      : el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight
    if (fits) open.push(el)
  }
  // Measured first, changed after: one layout for all the reads.
  for (const el of open) el.style.setProperty('overflow', 'visible', 'important')
}
// The elements that may clip: those matched by a style rule that sets overflow, those with an
// overflow in their style attribute, and replaced elements (clipped by default). Asking the
// stylesheets is much faster than asking 50,000 elements for their computed style. A sheet
// that cannot be read (from another origin) or a selector that cannot be queried sends it back
// to every element.
function clipCandidates() {
  const selectors = ['img, video, canvas, svg, iframe, embed, object, input, textarea, select', '[style*="overflow" i]']
  const walk = (rules) => {
    for (const rule of rules) {
      const style = rule.style
      if (rule.selectorText !== undefined && (style.overflow || style.overflowX || style.overflowY)) selectors.push(rule.selectorText)
      if (rule.styleSheet) walk(rule.styleSheet.cssRules)
      else if (rule.cssRules) walk(rule.cssRules)
    }
  }
  try {
    for (const sheet of document.styleSheets) walk(sheet.cssRules)
    return new Set(selectors.flatMap((selector) => Array.from(document.body.querySelectorAll(selector))))
  } catch {
    return document.body.getElementsByTagName('*')
  }
}
// Numbers the bookmark markers in page order: each links to its index, which the printer reads
// back from the PDF's link annotations to build the outline.
function numberBookmarks() {
  return Array.from(document.querySelectorAll('.dhp-bookmark'), (el, i) => {
    el.setAttribute('href', ${JSON.stringify(BOOKMARK_URL)} + i)
    return { level: Number(el.getAttribute('data-level')) || 1, title: el.getAttribute('data-title') || el.textContent.trim() }
  })
}
// A page that shows fragment step k (data-dhp-step) hides the fragments Reveal.js would show
// later: those with an index step in index order, then each one without an index on its own.
function hideLaterFragments() {
  for (const page of document.querySelectorAll('[data-dhp-step]')) {
    const step = Number(page.getAttribute('data-dhp-step'))
    const fragments = Array.from(page.querySelectorAll('.fragment'))
    const indexed = fragments.map((f) => f.getAttribute('data-fragment-index')).filter((i) => i !== null && /^-?\\d+$/.test(i.trim())).map(Number)
    const distinct = Array.from(new Set(indexed)).sort((a, b) => a - b)
    let next = distinct.length
    for (const fragment of fragments) {
      const index = fragment.getAttribute('data-fragment-index')
      const group = index !== null && /^-?\\d+$/.test(index.trim()) ? distinct.indexOf(Number(index)) : next++
      if (group >= step) fragment.classList.add('dh-step-hidden')
    }
  }
}
// Reveal.js links a slide as #/id (or #/id/step), or by its position (#/, #/2, #/2/1): on paper
// the anchor is #id, and positions are read from the map the document carries (#dhp-positions).
// Lazy images load now, not when seen.
function fitLinksAndImages() {
  const map = document.getElementById('dhp-positions')
  let positions = {}
  try { positions = map ? JSON.parse(map.textContent) : {} } catch {}
  for (const link of document.querySelectorAll('a[href^="#/"]')) {
    const href = link.getAttribute('href')
    const at = positions[href === '#/' ? href : href.replace(/\\/$/, '')]
    const id = at ? at.slice(1) : decodeURIComponent(href.slice(2).replace(/\\/$/, '').replace(/\\/\\d+$/, ''))
    if (!id.includes('/') && document.getElementById(id)) link.setAttribute('href', '#' + id)
  }
  for (const img of document.querySelectorAll('img[loading]')) img.removeAttribute('loading')
}
// A background video prints as its first frame (Reveal plays it on screen): drawn into a
// canvas once loaded and given to the section's background as a picture. A video that does not
// load in time, or that this Chromium cannot decode, leaves the slide its background colour.
function paintVideoFrames() {
  return Promise.all(Array.from(document.querySelectorAll('[data-dhp-video]'), (section) => new Promise((done) => {
    const video = document.createElement('video')
    const timer = setTimeout(() => done(), 15000)
    const finish = () => { clearTimeout(timer); video.removeAttribute('src'); video.load(); done() }
    video.muted = true
    video.preload = 'auto'
    video.addEventListener('error', finish, { once: true })
    video.addEventListener('loadeddata', () => {
      try {
        const canvas = document.createElement('canvas')
        canvas.width = video.videoWidth
        canvas.height = video.videoHeight
        canvas.getContext('2d').drawImage(video, 0, 0)
        section.style.setProperty(${JSON.stringify(VIDEO_FRAME_PROPERTY)}, 'url("' + canvas.toDataURL('image/png') + '")')
      } catch {}
      finish()
    }, { once: true })
    video.src = section.getAttribute('data-dhp-video')
  })))
}
// The printer waits for this flag: fonts loaded, every image decoded, clips measured. The
// deck's @font-face fonts are loaded by name, as nothing is laid out yet to ask for them.
// The page is laid out once, to measure, and parked in the same task (its layout kept, its
// painting skipped), so that it is never painted on screen; printing starts by unparking it.
(async () => {
  const broken = []
  fitLinksAndImages()
  hideLaterFragments()
  const frames = paintVideoFrames()
  await Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined)))
  await frames
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => { broken.push(img.getAttribute('src')) })))
  document.getElementById('dhp-hold').remove()
  openUnneededClips()
  const park = document.getElementById('dhp-park')
  const whenShrunk = park.media
  park.media = 'all'
  addEventListener('beforeprint', () => { park.media = whenShrunk })
  window.__deckhandBookmarks = numberBookmarks()
  window.__deckhandBroken = broken
  window.__deckhandReady = true
})()
</script>
`

/** The print document with the runtime added: its styles at the end of <head>, its script at the end of <body>. */
export function withPrintRuntime(html: string): string {
  return insertBeforeClosingTag(insertBeforeClosingTag(html, 'head', HEAD, 'start'), 'body', SCRIPT, 'end')
}
