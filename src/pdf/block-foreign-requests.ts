import type { HTTPRequest, Page } from 'puppeteer-core'

/**
 * Lets `page` load only from `origin` (and data:/blob: URLs); every other request is aborted,
 * and `onBlocked` hears each blocked URL once, so the caller can report it in its own words.
 */
export async function blockForeignRequests(page: Page, origin: string, onBlocked: (url: string) => void): Promise<void> {
  const reported = new Set<string>()
  await page.setRequestInterception(true)
  page.on('request', (request: HTTPRequest) => {
    const url = request.url()
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      void request.continue()
      return
    }
    if (!reported.has(url)) {
      reported.add(url)
      onBlocked(url)
    }
    void request.abort('blockedbyclient')
  })
}
