// Pure: the live-reload script the preview server adds to served HTML (never to built files).

import { insertBeforeClosingTag } from '../html/insert-html.js'

export const EVENTS_PATH = '/__deckhand/events'

/** Browser-side: listens for reload/error events; reloads in place and keeps the current slide. */
const CLIENT = `(function () {
  if (/[?&]receiver\\b/.test(location.search) || window.__deckhandLive) return;
  window.__deckhandLive = true;
  var KEY = 'deckhand:indices';
  function restore() {
    var saved = sessionStorage.getItem(KEY);
    if (!saved || !window.Reveal) return;
    sessionStorage.removeItem(KEY);
    var was = JSON.parse(saved);
    // The same slide when its id survived the edit; otherwise the same position in the deck.
    var same = was.id && document.getElementById(was.id);
    var at = same && same.tagName === 'SECTION' ? Reveal.getIndices(same) : was;
    Reveal.slide(at.h, at.v, was.f);
  }
  function whenReady(fn) {
    if (!window.Reveal) return;
    if (Reveal.isReady && Reveal.isReady()) fn(); else Reveal.on('ready', fn);
  }
  whenReady(restore);
  function overlay(problem) {
    var box = document.getElementById('deckhand-error');
    if (!problem) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('div');
      box.id = 'deckhand-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;' +
        'margin:0;padding:16px 20px;background:#3b0d0d;color:#fff;font:15px/1.45 ui-monospace,Menlo,Consolas,monospace;' +
        'white-space:pre-wrap;border-bottom:4px solid #ff6b6b;box-shadow:0 4px 24px rgba(0,0,0,.5)';
      document.body.appendChild(box);
    }
    box.textContent = 'deckhand: the last save did not build; showing the last good deck.\\n\\n' + problem.lines.join('\\n');
  }
  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('reload', function () {
    if (window.Reveal && Reveal.getIndices) {
      var i = Reveal.getIndices(), slide = Reveal.getCurrentSlide();
      sessionStorage.setItem(KEY, JSON.stringify({ h: i.h, v: i.v, f: i.f, id: slide ? slide.id : '' }));
    }
    location.reload();
  });
  source.addEventListener('build-error', function (e) { overlay(JSON.parse(e.data)); });
  source.addEventListener('build-ok', function () { overlay(null); });
  window.addEventListener('beforeunload', function () { source.close(); });
})();`

/** The script tag, with a nonce-free inline script; served pages have no CSP of their own. */
export function liveReloadTag(): string {
  return `<script data-deckhand-live>${CLIENT}</script>`
}

/** Adds the live-reload script before the last `</body>`, or at the end when there is none. */
export function injectLiveReload(html: string): string {
  return insertBeforeClosingTag(html, 'body', `${liveReloadTag()}\n`, 'end')
}
