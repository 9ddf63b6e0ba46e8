/**
 * The Word exporter as the host registers it at start: `docx` takes about 140 ms to load and
 * only an export to Word needs it, so the module that uses it is loaded on the first such
 * export instead of with the host. Every launch, and every restart after a kill, is spared it.
 */
import type { BriefingExporter } from './exporter'

const loadDocx = () => import('./docx')

/** What the host says of a Word file before `docx` is loaded; the exporter itself says the same. */
export const DOCX_FILE = {
  format: 'docx',
  extension: 'docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const satisfies Omit<BriefingExporter, 'export'>

export const lazyDocxExporter: BriefingExporter = {
  ...DOCX_FILE,
  export: async (document, options) => (await loadDocx()).docxExporter.export(document, options)
}
