export const PACKAGE_ROOT: string
export function packAndInstall(dir: string, options?: { readonly build?: boolean }): string
export function packTempDir(): string
export function diskBytes(dir: string): number
