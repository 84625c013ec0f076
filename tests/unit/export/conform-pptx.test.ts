import { describe, expect, it } from 'vitest'
import { backgroundEffects, fontPitches, notesParagraphs, oneParagraphProperties, placeholderBoxes, svgFallbacks } from '../../../src/export/pptx/conform-pptx.js'

describe('conforming the package', () => {
  it('keeps one paragraph-properties element per paragraph, the first', () => {
    const xml = '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p><a:p><a:r><a:t>c</a:t></a:r><a:pPr/></a:p>'
    expect(oneParagraphProperties(xml)).toBe('<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p><a:p><a:r><a:t>c</a:t></a:r></a:p>')
  })

  it('ends background properties with an effect list', () => {
    expect(backgroundEffects('<p:bgPr><a:solidFill/></p:bgPr>')).toBe('<p:bgPr><a:solidFill/><a:effectLst/></p:bgPr>')
    expect(backgroundEffects('<p:bgPr><a:solidFill/><a:effectLst/></p:bgPr>')).toBe('<p:bgPr><a:solidFill/><a:effectLst/></p:bgPr>')
  })

  it('splits notes into paragraphs', () => {
    const xml = '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one\r\n\r\ntwo</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>'
    expect(notesParagraphs(xml).match(/<a:p>/g)).toHaveLength(3)
    expect(notesParagraphs(xml)).toContain('<a:t>two</a:t>')
  })

  it('moves placeholders to the planned boxes and gives fonts their pitch', () => {
    const sp = '<p:sp><p:nvSpPr><p:nvPr><p:ph idx="101" type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1" y="2"/><a:ext cx="3" cy="4"/></a:xfrm></p:spPr></p:sp>'
    expect(placeholderBoxes(sp, { title: { x: 1, y: 0.5, w: 2, h: 1 } })).toContain('<a:off x="914400" y="457200"/><a:ext cx="1828800" cy="914400"/>')
    expect(fontPitches('<a:latin typeface="Mono X" pitchFamily="34" charset="0"/><a:latin typeface="Serif Y"/>', [{ name: 'Mono X', kind: 'monospace' }, { name: 'Serif Y', kind: 'serif' }]))
      .toBe('<a:latin typeface="Mono X" pitchFamily="49" charset="0"/><a:latin typeface="Serif Y" pitchFamily="18"/>')
  })

  it('pairs each SVG with the PNG written just before it', () => {
    const rels = '<Relationship Id="rId2" Target="../media/image-1-1.png"/><Relationship Id="rId3" Target="../media/image-1-2.svg"/><Relationship Id="rId4" Target="../media/image-1-3.png"/>'
    expect(svgFallbacks(rels)).toEqual([{ png: '../media/image-1-1.png', svg: '../media/image-1-2.svg' }])
  })
})
