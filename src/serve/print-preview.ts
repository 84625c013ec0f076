// Pure: a print product as a live page of the preview server (`/print/<product>`). The print
// document is paged on screen by Paged.js, which lays it out in real page boxes from its @page
// rules (size, margins, running header and footer, page counters), so a handout shows as it
// will print. Its relative links are answered from the output folder's root (see
// start-preview-server.ts), as when it prints. The page keeps its scroll position across the reloads that follow each save.
import { insertBeforeClosingTag } from '../html/insert-html.js'
import { HANDOUT_LAYOUTS } from '../model.js'
import type { PrintProduct } from '../print/render-print-document.js'

export const PRINT_PREVIEW_PREFIX = '/print/'
export const PAGED_SCRIPT_PATH = '/__deckhand/paged.polyfill.js'

const PRODUCTS: readonly string[] = ['slides', ...HANDOUT_LAYOUTS]

/** The product a preview path names, if any (`/print/notes` -> `notes`). */
export function previewProduct(pathname: string): PrintProduct | undefined {
  if (!pathname.startsWith(PRINT_PREVIEW_PREFIX)) return undefined
  const name = decodeURIComponent(pathname.slice(PRINT_PREVIEW_PREFIX.length)).replace(/\/$/, '')
  return PRODUCTS.includes(name) ? (name as PrintProduct) : undefined
}

const HEAD_END = `<script>
(function () {
  var KEY = 'deckhand:print-scroll:' + location.pathname;
  var SCREEN = 'html, body { background: #6b6f76 !important; margin: 0 !important; }' +
    '.pagedjs_pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px 0; }' +
    '.pagedjs_page { background: #fff; box-shadow: 0 2px 12px rgba(0, 0, 0, .35); }';
  window.PagedConfig = {
    auto: true,
    after: function (flow) {
      // Added once paged: Paged.js drops the screen styles it finds in the document.
      var style = document.createElement('style');
      style.textContent = SCREEN;
      document.head.appendChild(style);
      // Read by tests and by anyone curious: how many pages the product has on paper.
      window.__deckhandPages = flow.total;
      var y = Number(sessionStorage.getItem(KEY));
      if (y) window.scrollTo(0, y);
      sessionStorage.removeItem(KEY);
    }
  };
  addEventListener('beforeunload', function () { sessionStorage.setItem(KEY, String(window.scrollY)); });
})();
</script>
<script src="${PAGED_SCRIPT_PATH}"></script>
`

/** The product's print document as a preview page (the live-reload script is added by the server). */
export function printPreviewPage(printDocument: string): string {
  return insertBeforeClosingTag(printDocument, 'head', HEAD_END, 'start')
}
