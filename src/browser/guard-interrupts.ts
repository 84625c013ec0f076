// Guards for interrupts: what runs when SIGINT/SIGTERM/SIGHUP arrive, and the one line that says
// what was interrupted (told to the command line, which prints it).
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** What is being done now, innermost last: the interrupt line names the innermost. */
const doing: string[] = []
let tell: ((line: string) => void) | undefined
let told = false

/** Where the one interrupt line goes (the command line prints it); undefined to stop telling. */
export function setInterruptReporter(report: ((line: string) => void) | undefined): void {
  tell = report
  told = false
}

/** Names what runs until the returned function is called, for the interrupt line. */
export function whileDoing(what: string): () => void {
  doing.push(what)
  return () => {
    const at = doing.lastIndexOf(what)
    if (at >= 0) doing.splice(at, 1)
  }
}

/** Tells the interrupt line once per process, however many guards are stacked. */
function tellInterrupted(signal: NodeJS.Signals): void {
  if (told || !tell) return
  told = true
  const what = doing.at(-1)
  try {
    tell(`Interrupted by ${signal}${what ? ` while ${what}` : ''}; nothing half-written is kept.`)
  } catch {
    // A closed terminal must not keep the cleanup from running.
  }
}

/**
 * Until the returned function is called, SIGINT/SIGTERM/SIGHUP run `cleanup` (synchronous:
 * the process is going down) and then re-raise the signal, so the process still ends the way
 * the user asked. Each handler removes itself before re-raising, so several can be stacked.
 */
export function onInterrupt(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    release()
    tellInterrupted(signal)
    try {
      cleanup()
    } finally {
      process.kill(process.pid, signal)
    }
  }
  const release = (): void => {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  return release
}

/** Runs `work` with `cleanup` armed for interrupts, and disarms it afterwards. */
export async function guardInterrupts<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  const release = onInterrupt(cleanup)
  try {
    return await work()
  } finally {
    release()
  }
}

/**
 * Like onInterrupt, for a resource still being created: on a signal it waits for `pending` to
 * settle (at most `limitMs`), so a browser that was mid-launch can be killed too, then runs
 * `cleanup` and re-raises the signal.
 */
export function onInterruptAfter(pending: Promise<unknown>, cleanup: () => void, limitMs = 10_000): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    release()
    tellInterrupted(signal)
    const finish = (): void => {
      try {
        cleanup()
      } finally {
        process.kill(process.pid, signal)
      }
    }
    const limit = setTimeout(finish, limitMs)
    pending.then(
      () => (clearTimeout(limit), finish()),
      () => (clearTimeout(limit), finish()),
    )
  }
  const release = (): void => {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  return release
}
