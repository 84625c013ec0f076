// Every regular expression literal in src/ is checked for super-linear backtracking (scslre
// finds patterns whose matching time grows faster than the text for some repeated character).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { RegExpParser } from '@eslint-community/regexpp'
import { analyse } from 'scslre'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../../src')

/** Patterns scslre flags that are linear where they are used, and why. */
const LINEAR_IN_USE: Record<string, string> = {
  'check/judge-measurements.ts /[?#].*$/s': 'with the s flag `.*$` always matches, so the first ? or # ends the search',
  'browser/resolve-url-path.ts /[?#].*$/s': 'the same: the first ? or # ends the search',
  'print/place-slides.ts /\\s+\\S*$/': 'applied to at most 70 characters of a title',
}

function regexLiterals(): { where: string; literal: string }[] {
  const found: { where: string; literal: string }[] = []
  for (const file of readdirSync(SRC, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push({ where: file.split(path.sep).join('/'), literal: node.getText(source) })
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

describe('regular expressions in src/', () => {
  const literals = regexLiterals()

  it('are found (the audit reads the sources)', () => {
    expect(literals.length).toBeGreaterThan(100)
  })

  it('never backtrack super-linearly, except where the input makes them linear', () => {
    const parser = new RegExpParser()
    const flagged = literals
      .filter(({ literal }) => analyse(parser.parseLiteral(literal)).reports.length > 0)
      .map(({ where, literal }) => `${where} ${literal}`)
    expect([...new Set(flagged)].sort()).toEqual(Object.keys(LINEAR_IN_USE).sort())
  })
})
