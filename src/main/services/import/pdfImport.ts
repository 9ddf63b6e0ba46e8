/**
 * PDF reports, read with pdf.js (Mozilla's reader, the one Firefox shows PDFs with) in
 * the import worker. Only the text layer is read: pdf.js is told never to evaluate code,
 * run the document's JavaScript, load fonts or fetch anything, and attachments are never
 * asked for, so a hostile PDF gives its text and nothing else. Pages become lines
 * (pdfLayout.ts), lines become blocks that keep their page (pdfParagraphs.ts), and the
 * info dictionary and XMP give the provenance (pdfMetadata.ts).
 *
 * pdf.js is loaded on the first PDF, like the HTML stack, so text imports stay fast; its
 * Node ("legacy") build runs its worker code on this thread, which is already a worker.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { ArticleParts } from './importedArticle'
import { RejectedInput } from './importError'
import { detectLanguage } from './language'
import { pdfPagesToLines, type PdfPageText, type PdfTextRun } from './pdfLayout'
import { readPdfProvenance } from './pdfMetadata'
import { pdfLinesToBlocks } from './pdfParagraphs'
import { titleFromBlocks } from './titles'
import { errorMessage } from '../../../shared/errorMessage'

/** More pages than this is a book or a data dump, not a report an analyst annotates; reading it would take minutes. */
export const MAX_PDF_PAGES = 2000

type PdfJs = typeof PdfJsModule
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

let pdfJs: Promise<PdfJs> | undefined

/**
 * pdf.js looks for `globalThis.pdfjsWorker` before trying to start a worker of its own:
 * giving it the worker module runs the parser here, with no second thread and no file
 * path to resolve inside the bundle.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })().catch((error: unknown) => {
    pdfJs = undefined
    throw error
  })
  return pdfJs
}

export async function importPdf(bytes: Uint8Array): Promise<ArticleParts> {
  const pdfjs = await loadPdfJs()
  const document = await openDocument(pdfjs, bytes)
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new RejectedInput(
        `the PDF has ${document.numPages} pages, over the ${MAX_PDF_PAGES}-page import limit`,
        'import.pdfTooManyPages',
        { count: document.numPages, limit: MAX_PDF_PAGES }
      )
    }
    const pages: PdfPageText[] = []
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      pages.push(await readPage(document, pageNumber))
    }
    if (!pages.some((page) => page.runs.some((run) => /\S/.test(run.text)))) {
      throw new RejectedInput(
        'the PDF has no text layer (it is a scanned image); Dossier needs the text',
        'import.pdfScanned'
      )
    }
    const blocks = pdfLinesToBlocks(pdfPagesToLines(pages))
    if (blocks.length === 0) {
      throw new RejectedInput('the PDF has no text apart from page headers and footers', 'import.pdfOnlyHeaders')
    }
    const provenance = readPdfProvenance(await metadataSource(document))
    return {
      title: provenance.title ?? titleFromBlocks(blocks),
      outlet: null,
      author: provenance.author,
      publishedAt: provenance.publishedAt,
      sourceUrl: null,
      language: provenance.language ?? detectLanguage(blocks),
      blocks
    }
  } finally {
    await document.destroy()
  }
}

async function openDocument(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfDocument> {
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    // Errors are reported to the analyst by name; pdf.js's own console warnings would only be noise.
    verbosity: pdfjs.VerbosityLevel.ERRORS
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy()
    throw unreadablePdf(error)
  }
}

function unreadablePdf(error: unknown): RejectedInput {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') {
    return new RejectedInput(
      'the PDF is encrypted with a password: open it, save a copy without one, and import that',
      'import.pdfEncrypted'
    )
  }
  if (name === 'InvalidPDFException') return new RejectedInput('the file is damaged or not a PDF', 'import.pdfDamaged')
  const detail = errorMessage(error).slice(0, 120)
  return new RejectedInput(`the PDF could not be read (${detail})`, 'import.pdfUnreadable', { detail })
}

async function readPage(document: PdfDocument, pageNumber: number): Promise<PdfPageText> {
  const page = await document.getPage(pageNumber)
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    // Ligatures are turned into letters by our own rule (NFKC for ﬁ ﬂ only), not pdf.js's wider one.
    const content = await page.getTextContent({ disableNormalization: true })
    const runs: PdfTextRun[] = []
    for (const item of content.items) {
      if (!('str' in item) || item.str.length === 0) continue
      const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number]
      // Upright text only: rotated margin notes and stamps are not part of the reading flow.
      if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue
      runs.push({ text: item.str, x: e - x0, y: f - y0, width: item.width, fontSize: Math.abs(d) })
    }
    return { pageNumber, width: x1 - x0, height: y1 - y0, runs }
  } finally {
    page.cleanup()
  }
}

async function metadataSource(document: PdfDocument) {
  const { info, metadata } = await document.getMetadata().catch(() => ({ info: {}, metadata: null }))
  return {
    info: info as Record<string, unknown>,
    xmp: (name: string): unknown => metadata?.get(name) ?? null
  }
}
