// I/O: watches a page while it gets ready, so that a wait that runs out of time can say what it
// waited for: a request that never got its answer, a script that never finished (found by
// pausing it in the debugger) or a page that went on to another address.
import type { CDPSession, Frame, HTTPRequest, Page } from 'puppeteer-core'
import createDebug from 'debug'

const debug = createDebug('deck:browser')

/** What a page that never got ready was held up by. */
export type Stall =
  /** `url` is the script's own file, or undefined for a script written in the page itself. */
  | { readonly kind: 'script'; readonly url: string | undefined; readonly line: number; readonly text: string }
  | { readonly kind: 'request'; readonly url: string }
  | { readonly kind: 'navigated'; readonly url: string }

export interface StallWatch {
  /** What holds the page up now; undefined when nothing can be named. */
  explain(): Promise<Stall | undefined>
  /** Stops watching, so that the page can be used again (a printer keeps its pages between prints). */
  stop(): Promise<void>
}

/** How long a busy page is given to stop in the debugger. */
const PAUSE_LIMIT_MS = 2_000

/** Starts watching `page` before it navigates to `url`. */
export async function watchStall(page: Page, url: string): Promise<StallWatch> {
  const pending = new Map<HTTPRequest, string>()
  let wentTo: string | undefined
  const onRequest = (request: HTTPRequest): void => void pending.set(request, request.url())
  const onSettled = (request: HTTPRequest): void => void pending.delete(request)
  const onNavigated = (frame: Frame): void => {
    if (frame === page.mainFrame() && frame.url() !== url && !frame.url().startsWith('about:')) wentTo = frame.url()
  }
  page.on('request', onRequest)
  page.on('requestfinished', onSettled)
  page.on('requestfailed', onSettled)
  page.on('framenavigated', onNavigated)
  // The debugger is on from the start: asked only once the page is stuck, it never answers.
  const cdp = await page.createCDPSession()
  const scripts = new Map<string, { url: string; startLine: number }>()
  cdp.on('Debugger.scriptParsed', (e) => void scripts.set(e.scriptId, { url: e.url, startLine: e.startLine }))
  await cdp.send('Debugger.enable')
  return {
    async explain() {
      if (wentTo) return { kind: 'navigated', url: wentTo }
      const script = await pausedScript(cdp, scripts, url).catch((err: unknown) => void debug('pausing failed: %O', err))
      if (script) return script
      const waiting = [...pending.values()][0]
      return waiting ? { kind: 'request', url: waiting } : undefined
    },
    async stop() {
      page.off('request', onRequest)
      page.off('requestfinished', onSettled)
      page.off('requestfailed', onSettled)
      page.off('framenavigated', onNavigated)
      await cdp.detach()
    },
  }
}

/** Pauses the page's script, if one is running, and reads the line it was at. */
async function pausedScript(cdp: CDPSession, scripts: ReadonlyMap<string, { url: string; startLine: number }>, pageUrl: string): Promise<Stall | undefined> {
  let timer: NodeJS.Timeout | undefined
  const paused = new Promise<{ scriptId: string; url: string; lineNumber: number } | undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PAUSE_LIMIT_MS)
    cdp.once('Debugger.paused', (e) => {
      const frame = e.callFrames[0]
      resolve(frame && { scriptId: frame.location.scriptId, url: frame.url, lineNumber: frame.location.lineNumber })
    })
  })
  await cdp.send('Debugger.pause')
  const frame = await paused.finally(() => clearTimeout(timer))
  if (!frame) return undefined
  const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId: frame.scriptId })
  const lines = scriptSource.split('\n')
  const script = scripts.get(frame.scriptId)
  const text = (lines[frame.lineNumber - (script?.startLine ?? 0)] ?? '').trim()
  const url = frame.url || script?.url
  return {
    kind: 'script',
    url: url && url !== pageUrl ? url : undefined,
    line: frame.lineNumber + 1,
    text: text.length > 120 ? `${text.slice(0, 119)}…` : text,
  }
}

/** The stall in words, for an error message: "held up by …". */
export function describeStall(stall: Stall): string {
  switch (stall.kind) {
    case 'script':
      return `a script that never finished (${stall.text ? `\`${stall.text}\`, ` : ''}line ${stall.line} of ${stall.url ? pathOf(stall.url) : 'the print document'})`
    case 'request':
      return `a request that never got its answer: ${stall.url}`
    case 'navigated':
      return `the page going on to ${stall.url} (a refresh or a script sent it there)`
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}
