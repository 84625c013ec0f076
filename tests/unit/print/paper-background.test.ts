import { describe, expect, it } from 'vitest'
import type { SlideBackground } from '../../../src/model.js'
import { paperBackground } from '../../../src/print/paper-background.js'
import { readBackground } from '../../../src/slides/read-background.js'

const none: SlideBackground = { color: '', image: '', gradient: '', video: '', size: 'cover', position: 'center', repeat: 'no-repeat', opacity: 1, dark: null }
const bg = (over: Partial<SlideBackground>): SlideBackground => ({ ...none, ...over })

describe('paperBackground', () => {
  it('paints nothing of its own for a slide that only sets its tone', () => {
    expect(paperBackground(undefined, 'content')).toBe('')
    expect(paperBackground(bg({ dark: true }), 'content')).toBe('')
  })

  it('lays the colour over the layout colour the slide has on screen', () => {
    expect(paperBackground(bg({ color: '#1f4e3d' }), 'section')).toBe('background:linear-gradient(#1f4e3d, #1f4e3d), var(--dh-section-bg)')
    expect(paperBackground(bg({ color: 'red' }), 'title')).toMatch(/, var\(--dh-title-bg\)$/)
    expect(paperBackground(bg({ color: 'red' }), 'content')).toMatch(/, var\(--dh-bg\)$/)
  })

  it('gives the image its size, position and repeat, over its gradient and colour', () => {
    const css = paperBackground(bg({ image: 'media/a.svg', gradient: 'linear-gradient(red, blue)', color: '#000', size: 'contain', position: 'top left', repeat: 'repeat-x' }), 'content')
    expect(css).toBe('background:url("media/a.svg") top left / contain repeat-x, linear-gradient(red, blue), linear-gradient(#000, #000), var(--dh-bg)')
  })

  it('gives several images (Marp side by side) each its own item of the lists', () => {
    const css = paperBackground(bg({ image: 'a.png,b.png', size: '50% auto, 50% auto', position: '0% center, 100% center' }), 'content')
    expect(css).toContain('url("a.png") 0% center / 50% auto no-repeat, url("b.png") 100% center / 50% auto no-repeat')
  })

  it('fades a translucent background into the slide colour with a veil, not a translucent box', () => {
    const css = paperBackground(bg({ image: 'a.svg', opacity: 0.25 }), 'section')
    expect(css).toBe('background:linear-gradient(color-mix(in srgb, var(--dh-bg) 75%, transparent), color-mix(in srgb, var(--dh-bg) 75%, transparent)), url("a.svg") center / cover no-repeat, var(--dh-bg)')
  })

  it('leaves room for a video\'s first frame, which the print runtime fills in', () => {
    expect(paperBackground(bg({ video: 'v.webm', color: '#000' }), 'content')).toBe('background:var(--dhp-video-frame, none) center / cover no-repeat, linear-gradient(#000, #000), var(--dh-bg)')
  })

  it('keeps values that would break out of the declaration out of it', () => {
    const css = paperBackground(bg({ image: 'a".svg', color: 'red;color:blue', size: 'cover;x:y' }), 'content')
    expect(css).toBe('background:url("a\\".svg") center / cover no-repeat, var(--dh-bg)')
  })
})

describe('readBackground: dark or light', () => {
  const read = (pairs: [string, string][]) => readBackground(pairs)?.dark
  it('splits single colours at the luminance where light and dark text read alike', () => {
    expect(read([['data-background-color', '#1f4e3d']])).toBe(true)
    expect(read([['data-background-color', '#f7f3e8']])).toBe(false)
    expect(read([['data-background-color', '#777']])).toBe(false)
    expect(read([['data-background-color', '#666']])).toBe(true)
  })

  it('judges a gradient at its least readable stop, so a dark end gets light text', () => {
    expect(read([['data-background-gradient', 'linear-gradient(to bottom, #283b95, #17b2c3)']])).toBe(true)
    expect(read([['data-background-gradient', 'linear-gradient(#ffffff, #dddddd)']])).toBe(false)
  })

  it('cannot tell for a picture alone', () => {
    expect(read([['data-background-image', 'a.png']])).toBeNull()
  })
})
