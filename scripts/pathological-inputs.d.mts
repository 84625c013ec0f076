export interface PathologicalInput {
  readonly name: string
  readonly make: (size: number) => string
  /** Set when the input is too deeply nested: the error's line. */
  readonly nested?: { readonly line: number }
}
export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[]
