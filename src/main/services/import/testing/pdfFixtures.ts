/**
 * PDFs made on the spot for the import tests, with pdf-lib, so every fixture shows in the
 * test what it holds (where each line sits, in which size) instead of hiding in a binary
 * file. Text is drawn with a Helvetica whose encoding also has the ﬁ and ﬂ ligature
 * glyphs, as typesetting software writes them, so ligatures reach pdf.js as ligatures.
 */
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  setFontAndSize,
  showText,
  type PDFRef
} from 'pdf-lib'

export interface FixtureLine {
  text: string
  x: number
  y: number
  size: number
}

export interface FixtureOptions {
  title?: string
  author?: string
  creationDate?: Date
  language?: string
  /** An XMP packet to attach to the catalog, as Acrobat and InDesign do. */
  xmp?: string
}

export const A4 = { width: 595, height: 842 } as const

/** Codes 1 and 2 are free in WinAnsi; the font's Differences give them the ligature glyphs. */
const LIGATURE_CODES: Record<string, number> = { ﬁ: 1, ﬂ: 2 }
/** The WinAnsi (Windows-1252) codes of the characters outside Latin-1 that French text uses. */
const WIN_ANSI_EXTRAS: Record<string, number> = { œ: 0x9c, Œ: 0x8c, '’': 0x92, '—': 0x97, '–': 0x96, '…': 0x85 }

/** One PDF page per entry; an entry of no lines is a page with nothing on it but a drawn rectangle (a scan's image stand-in). */
export async function makePdf(pages: readonly FixtureLine[][], options: FixtureOptions = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  const font = registerFont(document)
  for (const lines of pages) {
    const page = document.addPage([A4.width, A4.height])
    page.node.setFontDictionary(PDFName.of('F1'), font)
    if (lines.length === 0) page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, opacity: 0.5 })
    for (const line of lines) {
      page.pushOperators(
        beginText(),
        setFontAndSize('F1', line.size),
        moveText(line.x, line.y),
        showText(PDFHexString.of(encode(line.text))),
        endText()
      )
    }
  }
  if (options.title !== undefined) document.setTitle(options.title)
  if (options.author !== undefined) document.setAuthor(options.author)
  if (options.creationDate) document.setCreationDate(options.creationDate)
  if (options.language) document.setLanguage(options.language)
  if (options.xmp) {
    const stream = document.context.stream(options.xmp, { Type: 'Metadata', Subtype: 'XML' })
    document.catalog.set(PDFName.of('Metadata'), document.context.register(stream))
  }
  return document.save({ useObjectStreams: false })
}

/**
 * A file protected by a user password, as the standard security handler writes it: pdf.js
 * cannot derive the key without the password, so it asks for one. pdf-lib cannot encrypt,
 * so the Encrypt dictionary is written by hand; the check fails before any stream is read.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  document.addPage([A4.width, A4.height])
  const context = document.context
  context.trailerInfo.Encrypt = context.register(
    context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('00'.repeat(32)),
      U: PDFHexString.of('11'.repeat(32)),
      P: -4
    })
  )
  context.trailerInfo.ID = context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))])
  return document.save({ useObjectStreams: false })
}

/**
 * Text plus a document-level script (run on opening) and an attached file: what a hostile
 * PDF carries. The script would set `globalThis.dossierPdfScriptRan` if anything ran it.
 */
export async function makePdfWithScriptAndAttachment(
  lines: FixtureLine[],
  attachmentText: string
): Promise<Uint8Array> {
  const document = await PDFDocument.load(await makePdf([lines]))
  const context = document.context
  const script = context.obj({
    Type: 'Action',
    S: 'JavaScript',
    JS: PDFHexString.fromText('globalThis.dossierPdfScriptRan = true')
  })
  document.catalog.set(PDFName.of('OpenAction'), context.register(script))
  await document.attach(new TextEncoder().encode(attachmentText), 'secret.txt', { mimeType: 'text/plain' })
  return document.save({ useObjectStreams: false })
}

function registerFont(document: PDFDocument): PDFRef {
  const context = document.context
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: 'Helvetica',
      Encoding: context.obj({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [1, 'fi', 'fl'] })
    })
  )
}

function encode(text: string): string {
  return [...text]
    .map((character) => {
      const code = LIGATURE_CODES[character] ?? WIN_ANSI_EXTRAS[character] ?? character.charCodeAt(0)
      if (code > 0xff) throw new Error(`the fixture font cannot show ${character}`)
      return code.toString(16).padStart(2, '0')
    })
    .join('')
}

/** The report's running header, the same on every page: the importer must drop it. */
export const runningHeader = (): FixtureLine => ({
  text: 'Rapport sur la coopération — IFRI',
  x: 200,
  y: 810,
  size: 9
})
/** « Page n » at the foot of page n: dropped too. */
export const pageFooter = (page: number): FixtureLine => ({ text: `Page ${page}`, x: 285, y: 30, size: 9 })
/** A line of body text at 11 pt. */
export const bodyLine = (text: string, x: number, y: number): FixtureLine => ({ text, x, y, size: 11 })
