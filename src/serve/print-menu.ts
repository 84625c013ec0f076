// Pure: the deck's print menu, which the preview server adds to the deck it serves (never to
// the built files): links to each product's live print preview, and to its PDF under --pdf.
// The markup is the template templates/serve/print-menu.hbs (a project's own wins by name, as
// every template does: the deck's TemplateSet carries it).
import { insertBeforeClosingTag } from '../html/insert-html.js'
import { pdfFileName } from '../output/pdf-file-name.js'
import type { PrintProduct } from '../print/render-print-document.js'
import type { TemplateFile } from '../render/load-templates.js'
import { runTemplate } from '../render/template-engine.js'
import { PRINT_PREVIEW_PREFIX } from './print-preview.js'

/** The menu's template among the TemplateSet's `serve` ones (templates/serve/print-menu.hbs). */
export const PRINT_MENU_TEMPLATE = 'print-menu'

/** The menu's markup for these products; `printing` when their PDFs are kept up (`serve --pdf`). */
export function renderPrintMenu(template: TemplateFile, products: readonly PrintProduct[], printing: boolean): string {
  const items = products.map((name) => ({ name, preview: `${PRINT_PREVIEW_PREFIX}${name}`, pdf: pdfFileName(name) }))
  return runTemplate(template, { products: items, printing }, {})
}

/** The deck's page with its menu, at the end of its body. */
export function withPrintMenu(html: string, menu: string): string {
  return insertBeforeClosingTag(html, 'body', `${menu}\n`, 'end')
}
