// I/O: watches the deck's inputs and reports bursts of changes once, after they settle.
import path from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import createDebug from 'debug'

const debug = createDebug('deck:serve')

export interface DeckWatcher {
  /** Also watch these files (e.g. images outside the deck folder that a chapter names). */
  add(paths: readonly string[]): void
  close(): Promise<void>
}

export interface WatchOptions {
  /** Folders and files to watch; missing ones are fine (a deck without its own templates/). */
  readonly paths: readonly string[]
  /** Never reported: the output folder, so writing the build does not trigger another. */
  readonly ignore: readonly string[]
  /** Quiet time that ends a burst of saves. @defaultValue 50 */
  readonly debounceMs?: number
  readonly onChange: (files: readonly string[]) => void
}

// Editors' swap, backup and temp-then-rename files; the rename onto the real name is what counts.
const EDITOR_TEMP = /(^|[\\/])(\.#[^\\/]*|#[^\\/]*#|[^\\/]*~|[^\\/]*\.sw[px]|4913|\.DS_Store|[^\\/]*\.tmp(-[^\\/]*)?|[^\\/]*\.crswap)$/

/** Starts watching; `onChange` gets the changed paths of each burst, debounced. */
export async function watchDeck(options: WatchOptions): Promise<DeckWatcher> {
  const ignore = options.ignore.map((p) => path.resolve(p))
  const isIgnored = (file: string): boolean =>
    EDITOR_TEMP.test(file) || file.split(path.sep).includes('node_modules') || ignore.some((dir) => file === dir || file.startsWith(dir + path.sep))
  const watcher: FSWatcher = watch([...options.paths], {
    ignoreInitial: true,
    ignored: (file: string) => isIgnored(path.resolve(file)),
    // chokidar's atomic mode folds an unlink+add within 100 ms (temp file + rename saves) into a change.
    atomic: true,
  })
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const flush = (): void => {
    const files = [...pending]
    pending = new Set()
    debug('changed: %o', files)
    options.onChange(files)
  }
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir' || event === 'add' || event === 'change' || event === 'unlink') {
      pending.add(path.resolve(file))
      clearTimeout(timer)
      // An editor's save (a temp file renamed, or a write and a touch) lands within a few ms; a
      // longer quiet time only delays every rebuild and live reprint.
      timer = setTimeout(flush, options.debounceMs ?? 50)
    }
  })
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    add: (paths) => void watcher.add([...paths]),
    close: async () => {
      clearTimeout(timer)
      await watcher.close()
    },
  }
}
