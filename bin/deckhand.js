#!/usr/bin/env node
// Thin launcher for the bundled CLI in lib/ (built by `npm install` through `prepare`).
import { main } from '../lib/bundle/deckhand.mjs'

process.exitCode = await main(process.argv.slice(2))
