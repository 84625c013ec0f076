export const PACKAGE_ROOT: string
export function packAndInstall(dir: string): string
export function packTempDir(): string
export function diskBytes(dir: string): number
