import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { OUTPUT_MARKER } from '../../../src/output/guard-output.js'
import { writeOutputFolder } from '../../../src/output/write-deck.js'

const root = await mkdtemp(path.join(tmpdir(), 'dh-write-'))
afterAll(() => rm(root, { recursive: true, force: true }))

describe('writeOutputFolder', () => {
  it('replaces the folder, keeps PDFs printed into the old one, and leaves no temporary folder', async () => {
    const target = path.join(root, 'dist', 'talk')
    await mkdir(target, { recursive: true })
    await writeFile(path.join(target, OUTPUT_MARKER), '')
    await writeFile(path.join(target, 'index.html'), 'old deck')
    await writeFile(path.join(target, 'stale.css'), 'gone')
    await writeFile(path.join(target, 'slides.pdf'), 'old slides')
    await writeFile(path.join(target, 'handout-3-up.pdf'), 'old 3-up')
    await writeFile(path.join(target, 'notes.pdf'), 'not ours')
    await writeOutputFolder(target, { files: { 'index.html': 'new deck', 'slides.pdf': 'new slides' }, assets: [] })
    expect((await readdir(target)).sort()).toEqual([OUTPUT_MARKER, 'handout-3-up.pdf', 'index.html', 'slides.pdf'])
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('new deck')
    // The new folder's own file wins over the old one; a printed handout carries over.
    expect(await readFile(path.join(target, 'slides.pdf'), 'utf8')).toBe('new slides')
    expect(await readFile(path.join(target, 'handout-3-up.pdf'), 'utf8')).toBe('old 3-up')
    expect(await readdir(path.join(root, 'dist'))).toEqual(['talk'])
  })
})
