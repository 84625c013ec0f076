const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Runs `work` with handlers that, on SIGINT/SIGTERM/SIGHUP, run `cleanup` (synchronous: the
 * process is going down) and then re-raise the signal, so the process still ends the way the
 * user asked. The handlers exist only while `work` runs.
 */
export async function guardInterrupts<T>(cleanup: () => void, work: () => Promise<T>): Promise<T> {
  const handler = (signal: NodeJS.Signals): void => {
    remove()
    try {
      cleanup()
    } finally {
      process.kill(process.pid, signal)
    }
  }
  const remove = (): void => {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  try {
    return await work()
  } finally {
    remove()
  }
}
