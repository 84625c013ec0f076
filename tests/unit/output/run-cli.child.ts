// Runs the command line in a process of its own (the tests start it as another user).
import { main } from '../../../src/cli.js'

process.exitCode = await main(process.argv.slice(2))
