// The processes a test started, read from /proc (Linux), to prove none is left behind.
import { readdirSync, readFileSync } from 'node:fs'

/** Every process below `root`, from /proc. */
export function descendants(root: number): { pid: number; cmdline: string }[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; cmdline: string }[] = []
  const queue = [root]
  while (queue.length) {
    for (const pid of children.get(queue.shift()!) ?? []) {
      queue.push(pid)
      let cmdline = ''
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
      } catch {
        continue
      }
      found.push({ pid, cmdline })
    }
  }
  return found
}

export function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) Z/.test(state)
  } catch {
    return false
  }
}
