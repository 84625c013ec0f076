// Run folders of ended runs are removed by the next launch; those of live runs are kept.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { isAlive, makeRunFolder, sweepDeadRuns } from '../../../src/browser/run-folder.js'
import { sweepDeadTempFiles, tempNameFor, tempOwner } from '../../../src/output/write-file-atomic.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-runs-'))
  dirs.push(dir)
  return dir
}

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
  expect(isAlive(Number(pid))).toBe(false)
  return Number(pid)
}

it('makes a run folder named for this process, with a profile, and removes it', () => {
  const run = makeRunFolder()
  expect(path.dirname(run.root)).toBe(os.tmpdir())
  expect(path.basename(run.root)).toMatch(new RegExp(`^dh-run-${process.pid}-`))
  expect(existsSync(run.profile)).toBe(true)
  expect(run.tmp).toBe(run.root)
  run.remove()
  expect(existsSync(run.root)).toBe(false)
})

it('leaves Chromium its own temp folder when the run folder is too deep for its socket', () => {
  const deep = path.join(tempDir(), 'x'.repeat(80))
  mkdirSync(deep)
  const run = makeRunFolder(deep)
  expect(run.tmp).toBeUndefined()
  run.remove()
})

it('removes the folders of ended runs, and keeps live ones and other folders', () => {
  const root = tempDir()
  const dead = path.join(root, `dh-run-${deadPid()}-abc123`)
  const live = path.join(root, `dh-run-${process.pid}-def456`)
  const parent = path.join(root, `dh-run-${process.ppid}-ghi789`)
  const other = path.join(root, 'dh-runner-1-x')
  for (const dir of [dead, live, parent, other]) mkdirSync(path.join(dir, 'profile'), { recursive: true })
  expect(sweepDeadRuns(root)).toEqual([dead])
  expect(readdirSync(root).sort()).toEqual([path.basename(live), path.basename(parent), path.basename(other)].sort())
})

it("removes older versions' bare profiles whose Chromium has ended, and keeps the rest", () => {
  const root = tempDir()
  const profile = (name: string, lock?: string, ageMinutes = 0): string => {
    const dir = path.join(root, `deckhand-chromium-${name}`)
    mkdirSync(dir)
    if (lock) symlinkSync(lock, path.join(dir, 'SingletonLock'))
    const when = new Date(Date.now() - ageMinutes * 60_000)
    utimesSync(dir, when, when)
    return dir
  }
  const ended = profile('ended', `${os.hostname()}-${deadPid()}`)
  const running = profile('running', `${os.hostname()}-${process.ppid}`)
  const elsewhere = profile('elsewhere', `another-host-${deadPid()}`)
  const unlockedOld = profile('unlockedOld', undefined, 60)
  const starting = profile('starting')
  expect(sweepDeadRuns(root).sort()).toEqual([ended, unlockedOld].sort())
  expect(readdirSync(root).sort()).toEqual([running, elsewhere, starting].map((d) => path.basename(d)).sort())
})

it('removes the temp files an ended run left beside its outputs, and no other file', async () => {
  const root = tempDir()
  const file = path.join(root, 'slides.pdf')
  const mine = tempNameFor(file)
  const dead = path.join(root, `.slides.pdf.${deadPid()}.0a1b2c3d.tmp`)
  const lookalike = path.join(root, '.notes.1.tmp')
  for (const f of [file, mine, dead, lookalike]) writeFileSync(f, 'x')
  expect(tempOwner(path.basename(mine))).toBe(process.pid)
  expect(tempOwner('.notes.1.tmp')).toBeUndefined()
  await sweepDeadTempFiles(root)
  expect(readdirSync(root).sort()).toEqual([path.basename(lookalike), path.basename(mine), 'slides.pdf'].sort())
})
