import { describe, expect, it } from 'vitest'
import { report, wantsColour, type CliIo } from '../../../src/cli/cli-io.js'
import { printProgress } from '../../../src/cli/print-progress.js'
import { error, warning } from '../../../src/diagnostics/diagnostic.js'

function fakeIo(isTty: boolean, colour = false): CliIo & { lines: string[]; errors: string[]; lives: string[] } {
  const lines: string[] = []
  const errors: string[] = []
  const lives: string[] = []
  return { cwd: '/p', out: (s) => lines.push(s), err: (s) => errors.push(s), live: (s) => lives.push(s), isTty, colour, verbose: false, failed: false, lines, errors, lives }
}

describe('print progress', () => {
  it('writes a line per PDF with its pages and time, also when output is not a terminal', () => {
    const io = fakeIo(false)
    const progress = printProgress(io, 'talk')
    progress.onProgress({ deck: 'talk', product: 'slides', phase: 'printing' })
    progress.onProgress({ deck: 'talk', product: '3-up', phase: 'printing' })
    progress.onProgress({ deck: 'talk', product: 'slides', phase: 'done', pages: 296, file: '/p/dist/talk/slides.pdf' })
    progress.onProgress({ deck: 'talk', product: '3-up', phase: 'done', pages: 1, file: '/p/dist/talk/handout-3-up.pdf' })
    progress.end()
    expect(io.lines).toHaveLength(2)
    expect(io.lines[0]).toMatch(/^ {2}dist\/talk\/slides\.pdf: 296 pages, \d+\.\d s$/)
    expect(io.lines[1]).toMatch(/^ {2}dist\/talk\/handout-3-up\.pdf: 1 page, \d+\.\d s$/)
    // No live line without a terminal: CI logs get no carriage returns.
    expect(io.lives).toEqual([])
  })

  it('on a terminal also keeps a live line of what is printing, cleared at the end', () => {
    const io = fakeIo(true)
    const progress = printProgress(io, 'talk')
    progress.onProgress({ deck: 'talk', product: 'slides', phase: 'printing' })
    progress.onProgress({ deck: 'talk', product: 'notes', phase: 'printing' })
    progress.onProgress({ deck: 'talk', product: 'slides', phase: 'done', pages: 3, file: '/p/talk/slides.pdf' })
    progress.end()
    expect(io.lives).toContain('talk: printing slides, notes…')
    expect(io.lives).toContain('talk: printing notes…')
    expect(io.lives.at(-1)).toBe('')
    expect(io.lines).toHaveLength(1)
  })
})

describe('colour', () => {
  it('is on for a terminal only, and never with NO_COLOR or a dumb terminal', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true)
    expect(wantsColour({ isTTY: false }, {})).toBe(false)
    expect(wantsColour({}, {})).toBe(false)
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true)
    expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false)
  })

  it('paints the severity when on, and writes plain text when off', () => {
    const painted = fakeIo(true, true)
    report(painted, [error('deck-not-found', 'No deck'), warning('foreign-keys', 'Ignored')])
    expect(painted.errors[0]).toContain('\x1b[31merror\x1b[39m')
    expect(painted.errors[1]).toContain('\x1b[33mwarning\x1b[39m')
    const plain = fakeIo(true, false)
    report(plain, [error('deck-not-found', 'No deck')])
    expect(plain.errors[0]).toBe('error  No deck  [deck-not-found]')
  })
})
