/**
 * One exporter per format behind one interface (as Joplin does it): each takes a resolved
 * `BriefingDocument` and returns the bytes of a file. Escaping happens inside each
 * exporter, at its output boundary, and nowhere upstream.
 */
import type { BriefingDocument } from '../../../shared/briefing/document'
import type { BriefingExportFormat } from '../../../shared/briefing/spec'

export type ExportFormat = BriefingExportFormat

export interface ExportOptions {
  /** Paper for print-oriented output (HTML print stylesheet, DOCX page size). */
  paper?: 'a4' | 'letter'
}

export interface BriefingExporter {
  format: ExportFormat
  /** File extension without the dot. */
  extension: string
  mimeType: string
  export(document: BriefingDocument, options?: ExportOptions): Promise<Uint8Array>
}
