// Handlebars, loaded from its bundled build. The package's Node entry compiles through the
// source-map library's SourceNode, which made compiling our templates ~10x slower; we never
// use template source maps, and the bundle carries the same compiler without it. Its minified
// copy is the same code in less text (the package build puts it in lib/bundle/vendor/).
import { createRequire } from 'node:module'
import type HandlebarsNamespace from 'handlebars'

const require = createRequire(import.meta.url)
const Handlebars = require('handlebars/dist/handlebars.min.js') as typeof HandlebarsNamespace

export default Handlebars
