type PdfLib = typeof import('pdf-lib')

/**
 * pdf-lib, loaded on first use. It is CommonJS: Node's ESM loader offers its exports only as
 * the default export, where bundlers and tsx also offer them by name.
 */
export async function loadPdfLib(): Promise<PdfLib> {
  const mod = (await import('pdf-lib')) as PdfLib & { readonly default?: PdfLib }
  return mod.PDFDocument ? mod : mod.default!
}
