// The command line run in-process, its output collected.
import { main } from '../../src/cli.js'
import type { CliIo } from '../../src/cli/cli-io.js'

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the command line in-process from `cwd`. */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CliIo = { cwd, out: (s) => stdout.push(s), err: (s) => stderr.push(s), isTty: false, verbose: false, failed: false }
  const code = await main(argv, io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}
