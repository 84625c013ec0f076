// I/O: each browser deckhand starts gets one temporary folder of its own, named for the process
// that owns it: the profile and Chromium's own temp files (its TMPDIR) live inside. A run that
// ends normally removes it; one that was killed (kill -9) cannot, so each launch first removes
// the folders of owners no longer alive, and the bare profiles older versions left.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import createDebug from 'debug'

const debug = createDebug('deck:browser')

// Short: Chromium's singleton socket lives in its TMPDIR, and a socket path has at most 107 bytes.
const PREFIX = 'dh-run-'
const OWNED = /^dh-run-(\d+)-/
/** Older versions' profiles, named for no one: Chromium's SingletonLock (`host-pid`) names the owner. */
const LEGACY = /^deckhand-chromium-/
/** A legacy profile without a lock is swept once this old: Chromium takes the lock as it starts. */
const LEGACY_UNLOCKED_AGE_MS = 10 * 60_000
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
    const folder = path.join(tempRoot, name)
    const pid = Number(OWNED.exec(name)?.[1]) || (LEGACY.test(name) ? legacyOwner(folder) : 0)
    if (!pid || pid === process.pid || (pid > 0 && isAlive(pid))) continue
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

/**
 * The pid in a legacy profile's SingletonLock; -1 (ended) when there is no lock and the folder is
 * old; 0 (keep) when the lock belongs to another host or the folder may be starting.
 */
function legacyOwner(folder: string): number {
  try {
    const [host, pid] = splitLock(readlinkSync(path.join(folder, 'SingletonLock')))
    return host === os.hostname() ? pid : 0
  } catch {
    try {
      return Date.now() - statSync(folder).mtimeMs > LEGACY_UNLOCKED_AGE_MS ? -1 : 0
    } catch {
      return 0
    }
  }
}

function splitLock(target: string): [string, number] {
  const dash = target.lastIndexOf('-')
  return [target.slice(0, dash), Number(target.slice(dash + 1)) || 0]
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
