/**
 * PDF export: the HTML export printed to PDF by the platform's printer engine. Only the
 * desktop app has one to hand (Electron's printToPDF, src/main/electron/printToPdf.ts), so
 * this exporter is built from that print function where there is one, and the service
 * offers no PDF exporter where there is not (browser mode says to use Print → Save as PDF).
 */
import type { BriefingPaper } from '../../../shared/briefing/spec'
import type { BriefingExporter } from './exporter'
import { renderBriefingHtml } from './html'

/** Prints HTML to PDF bytes on the given paper. */
export type PrintToPdf = (html: string, paper: BriefingPaper) => Promise<Uint8Array>

/** Paper when the caller names none; the API always names one. */
const DEFAULT_PAPER: BriefingPaper = 'a4'

export function pdfExporter(printToPdf: PrintToPdf): BriefingExporter {
  return {
    format: 'pdf',
    extension: 'pdf',
    mimeType: 'application/pdf',
    async export(document, options = {}) {
      const paper = options.paper ?? DEFAULT_PAPER
      return printToPdf(renderBriefingHtml(document, { paper }), paper)
    }
  }
}
