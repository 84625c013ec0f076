import { describe, expect, it } from 'vitest'
import { EVENTS_PATH, injectLiveReload } from '../../../src/serve/live-reload-client.js'

describe('injectLiveReload', () => {
  it('adds the script before the last </body>', () => {
    const html = injectLiveReload('<html><body><p>x</p></BODY></html>')
    expect(html).toMatch(/<p>x<\/p><script data-deckhand-live>[\s\S]*<\/script>\n<\/BODY><\/html>$/)
    expect(html).toContain(JSON.stringify(EVENTS_PATH))
  })

  it('appends when there is no body end tag', () => {
    expect(injectLiveReload('<p>x</p>')).toMatch(/^<p>x<\/p><script data-deckhand-live>/)
  })

  it('is valid JavaScript', () => {
    const script = /<script data-deckhand-live>([\s\S]*)<\/script>/.exec(injectLiveReload(''))![1]!
    expect(() => new Function(script)).not.toThrow()
  })
})
