const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Until the returned function is called, SIGINT/SIGTERM/SIGHUP run `cleanup` (synchronous:
 * the process is going down) and then re-raise the signal, so the process still ends the way
 * the user asked. Each handler removes itself before re-raising, so several can be stacked.
 */
export function onInterrupt(cleanup: () => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    release()
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
