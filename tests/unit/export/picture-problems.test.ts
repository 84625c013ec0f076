import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDeck } from '../../../src/pipeline/build-deck.js'
import type { Slide } from '../../../src/model.js'
import { blockedRequest, brokenImage } from '../../../src/export/picture-problems.js'
import { locateImage } from '../../../src/pdf/locate-in-slides.js'
import { findProject } from '../../../src/project/find-project.js'
import { tempProject } from '../../helpers/temp-dir.js'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const CHAPTER = '## First\n\nText.\n\n---\n\n## Second\n\n![a pixel](http://192.0.2.1/pixel.png)\n\n---\n\n## Third\n\n![broken](images/broken.png)\n'
let slides: readonly Slide[]
let chapter: string

beforeAll(async () => {
  const root = tempProject({ 'content/b/deck.yml': 'title: B\n', 'content/b/01.md': CHAPTER, 'content/b/images/broken.png': PNG })
  chapter = path.join(root, 'content/b/01.md')
  slides = (await buildDeck(await findProject({ cwd: root }), 'b', { outDir: path.join(root, 'dist') })).value.slides
})

describe('problems taking the pictures', () => {
  it('a blocked request is told at the line that names it', () => {
    expect(blockedRequest(slides, 'http://192.0.2.1/pixel.png')).toMatchObject({ code: 'request-blocked', severity: 'warning', span: { file: chapter, line: 9, column: 12 } })
  })

  it('a broken image is told at the line that wrote it, though the build moved it', () => {
    const src = slides.flatMap((s) => s.links).find((l) => l.kind === 'image' && l.href.endsWith('broken.png'))!.href
    expect(src).not.toBe('images/broken.png')
    expect(brokenImage(slides, src)).toMatchObject({ code: 'image-broken', span: { file: chapter, line: 15 } })
    // The print finds it the same way.
    expect(locateImage(slides, src)).toMatchObject({ file: chapter, line: 15 })
  })

  it('a URL no slide names (the theme asks for it, say) has no line', () => {
    const d = blockedRequest(slides, 'https://fonts.example/x.woff2')
    expect([d.code, d.span]).toEqual(['request-blocked', undefined])
  })
})
