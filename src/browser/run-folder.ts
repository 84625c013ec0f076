// I/O: each browser deckhand starts gets one temporary folder of its own, named for the process
// that owns it: the profile and Chromium's own temp files (its TMPDIR) live inside. A run that
// ends normally removes it; one that was killed (kill -9) cannot, so each launch first removes
// the folders of owners no longer alive.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import createDebug from 'debug'

const debug = createDebug('deck:browser')

// Short: Chromium's singleton socket lives in its TMPDIR, and a socket path has at most 107 bytes.
const PREFIX = 'dh-run-'
const OWNED = /^dh-run-(\d+)-/
/** What Chromium puts below its TMPDIR: `/org.chromium.Chromium.XXXXXX/SingletonSocket`. */
const SOCKET_TAIL = 45
const SOCKET_MAX = 107

export interface RunFolder {
  readonly root: string
  /** Chromium's `--user-data-dir`. */
  readonly profile: string
  /**
   * Chromium's TMPDIR, so its `org.chromium.Chromium.*` scratch folders land in the run folder;
   * undefined when the temp folder's path is too long for the socket Chromium makes there.
   */
  readonly tmp: string | undefined
  /** Removes the folder; never throws (a cleanup that fails must not hide what went wrong before it). */
  remove(): void
}

/** Makes `<tmp>/dh-run-<pid>-XXXXXX/profile`; Chromium's own temp folders go beside the profile. */
export function makeRunFolder(tempRoot = os.tmpdir()): RunFolder {
  const root = mkdtempSync(path.join(tempRoot, `${PREFIX}${process.pid}-`))
  const profile = path.join(root, 'profile')
  mkdirSync(profile)
  return {
    root,
    profile,
    tmp: Buffer.byteLength(root) + SOCKET_TAIL <= SOCKET_MAX ? root : undefined,
    remove() {
      try {
        rmSync(root, { recursive: true, force: true, maxRetries: 3 })
      } catch (err) {
        // Left for the next run's sweep.
        debug('could not remove %s: %O', root, err)
      }
    },
  }
}

/** Removes the run folders in `tempRoot` whose owner process has ended; returns those removed. */
export function sweepDeadRuns(tempRoot = os.tmpdir()): string[] {
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(tempRoot)
  } catch {
    return removed
  }
  const uid = process.getuid?.()
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1])
    if (!pid || pid === process.pid || isAlive(pid)) continue
    const folder = path.join(tempRoot, name)
    try {
      // Only this user's own folders: another user's are theirs to sweep.
      if (uid !== undefined && statSync(folder).uid !== uid) continue
      rmSync(folder, { recursive: true, force: true, maxRetries: 3 })
      removed.push(folder)
    } catch (err) {
      debug('could not sweep %s: %O', folder, err)
    }
  }
  if (removed.length) debug('removed %d folders of ended runs', removed.length)
  return removed
}

/** True while a process with that id exists (EPERM: it exists, and is another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
