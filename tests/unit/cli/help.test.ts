import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.js'

const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }
const COMMANDS = [['build'], ['pdf'], ['export'], ['serve'], ['check'], ['new'], ['themes'], ['theme', 'new']]

describe('deckhand --version and --help', () => {
  it('prints the package version for --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCli(process.cwd(), flag)
      expect(r.code).toBe(0)
      expect(r.stdout.trim()).toBe(version)
    }
  })

  it.each(COMMANDS)('%s %s --help shows its options, the global ones, examples, and each default once', async (...command) => {
    const r = await runCli(process.cwd(), ...command.filter(Boolean), '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Options:')
    expect(r.stdout).toMatch(/Global Options:\n  -v, --version[\s\S]*--verbose/)
    expect(r.stdout.match(/Examples:/g)).toHaveLength(1)
    expect(r.stdout).toMatch(new RegExp(`\\$ deckhand ${command.filter(Boolean).join(' ')}`))
    // One option's entry (until the next option) says its default at most once.
    for (const entry of r.stdout.split(/\n(?=  -)/)) expect(entry.match(/\(default/g)?.length ?? 0).toBeLessThanOrEqual(1)
  })

  it('shows a default commander takes from the option, as for --timeout', async () => {
    expect((await runCli(process.cwd(), 'pdf', '--help')).stdout).toMatch(/--timeout <seconds>.*\(default: "120"\)/)
  })
})
