import { describe, expect, it } from 'vitest'
import { parseChapter } from '../../../src/content/parse-chapter.js'
import { buildSlides } from '../../../src/slides/build-slides.js'
import { deckConfig } from '../../helpers/deck-config.js'

const build = (markdown: string) =>
  buildSlides({ deck: deckConfig({ titleSlide: false, agenda: false }), deckDir: '/d', chapters: [parseChapter('/d/01.md', markdown).value] }).value

describe('media named in raw HTML', () => {
  it('copies video, audio, source and track files and the poster, each at its line, and points the HTML at the copies', () => {
    const built = build(
      '## Clip\n\n<video controls poster="img/poster.png">\n  <source src="media/clip.webm" type="video/webm">\n  <track src="captions/en.vtt" kind="captions" srclang="en">\n</video>\n\n<audio src=\'sound/chime.mp3\'></audio>\n\n<video src="https://example.com/x.mp4"></video>\n',
    )
    expect(built.assets.map((a) => [a.from, a.to, a.span.line])).toEqual([
      ['/d/img/poster.png', 'media/img/poster.png', 3],
      ['/d/media/clip.webm', 'media/media/clip.webm', 4],
      ['/d/captions/en.vtt', 'media/captions/en.vtt', 5],
      ['/d/sound/chime.mp3', 'media/sound/chime.mp3', 8],
    ])
    const body = built.slides[0]!.data.body
    expect(body).toContain('<source src="media/media/clip.webm"')
    expect(body).toContain('<track src="media/captions/en.vtt"')
    expect(body).toContain('src="https://example.com/x.mp4"')
  })
})
