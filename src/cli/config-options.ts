// deckhand.yml may carry any option of the deck commands, under the command's name (`pdf: { paper:
// Letter }`), keyed by the long option without its dashes (`allow-network: true`; `--no-slides`
// is `slides: false`). What the command line says wins.
import * as z from 'zod'
import type { Command, Option } from 'commander'
import { throwIfErrors } from '../diagnostics/diagnostic.js'
import { COMMAND_SECTIONS, findProjectRoot, PROJECT_CONFIG_FILE, projectFolderShape, readProjectConfigMapping } from '../project/find-project.js'
import { validateYamlMapping } from '../yaml/validate-yaml-mapping.js'
import type { CliIo } from './cli-io.js'

// Where a project is chosen, not a preference; a lone file's options come from its own front matter.
const NOT_IN_CONFIG = new Set(['root', 'help'])

/** The name an option has in deckhand.yml. */
export function configKey(option: Option): string {
  return (option.long ?? '').replace(/^--(no-)?/, '')
}

/** Sets the options deckhand.yml gives `command` that its command line did not. Throws DeckErrors at deckhand.yml's lines. */
export async function applyProjectOptions(io: CliIo, program: Command, command: Command): Promise<void> {
  const root = await findProjectRoot({ ...(command.optsWithGlobals().root && { root: String(command.optsWithGlobals().root) }), cwd: io.cwd })
  const mapping = root && (await readProjectConfigMapping(root).catch(() => undefined))
  if (!mapping) return
  const checked = validateYamlMapping(mapping, projectSchema(program), PROJECT_CONFIG_FILE)
  throwIfErrors(checked.diagnostics)
  if (command.parent !== program) return
  const section = (checked.value as Record<string, unknown> | undefined)?.[command.name()]
  if (!section || typeof section !== 'object') return
  for (const option of command.options) {
    const value = (section as Record<string, unknown>)[configKey(option)]
    const attribute = option.attributeName()
    const source = command.getOptionValueSource(attribute)
    if (value !== undefined && (source === undefined || source === 'default')) command.setOptionValueWithSource(attribute, value, 'config')
  }
}

/** deckhand.yml's schema: the folder keys, and a section for each command with every option it takes. */
export function projectSchema(program: Command): z.ZodType {
  return z.object({ ...projectFolderShape, ...commandSections(program) }).strict()
}

function commandSections(parent: Command): Record<string, z.ZodType> {
  const sections: Record<string, z.ZodType> = {}
  for (const command of parent.commands) {
    if (!(COMMAND_SECTIONS as readonly string[]).includes(command.name())) continue
    const options = command.options.filter((o) => !NOT_IN_CONFIG.has(configKey(o)))
    sections[command.name()] = z.object(Object.fromEntries(options.map((o) => [configKey(o), optionSchema(o).optional()]))).strict().optional()
  }
  return sections
}

/** The value an option takes on the command line, as commander would hand it to the action. */
function optionSchema(option: Option): z.ZodType {
  if (option.argChoices) return z.enum(option.argChoices as [string, ...string[]])
  if (option.negate || (!option.required && !option.optional)) return z.boolean()
  const scalar = z.union([z.string(), z.number()]).transform(String)
  if (option.variadic) return z.union([z.array(scalar), scalar.transform((v) => [v])])
  return option.optional ? z.union([z.boolean(), scalar]) : scalar
}
