// Pure: the element names HTML defines (and SVG's, which slides embed). Any other tag in a
// Slidev slide is a Vue component: a name in capitals, an icon (`carbon:arrow-right`), `v-drag`…
const HTML_TAGS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col ' +
    'colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 ' +
    'h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta ' +
    'meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script ' +
    'search section select slot small source span strong style sub summary sup table tbody td template textarea ' +
    'tfoot th thead time title tr track u ul var video wbr center font ' +
    'svg g path circle ellipse line polyline polygon rect text tspan defs use symbol lineargradient radialgradient ' +
    'stop clippath mask pattern image foreignobject marker'
  ).split(' '),
)

export function isHtmlTag(name: string): boolean {
  return HTML_TAGS.has(name.toLowerCase()) && !/^[A-Z]/.test(name)
}
