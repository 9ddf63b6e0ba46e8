/**
 * The import pipeline: turns whatever article an analyst has (a text file in any common
 * encoding, Markdown, a saved web page, a Word document, or a paste) into Dossier's
 * block model, faithfully and safely. Each format has its importer (formatImporters.ts);
 * this dispatcher checks the file, picks the importer by its extension and finishes the
 * article the same way for every format (byline, French spacing). Every failure is an
 * ImportError that names the file and says what is wrong, so the library can show it as it is.
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from '../../../shared/import/limits'
import { usesFrenchSpacing, withFrenchSpacing, withFrenchSpacingInBlocks } from '../../../shared/text/frenchSpacing'
import { bylineInBlocks } from './byline'
import { decodeText, sniffHtmlCharset } from './decodeText'
import type { ArticleParts, ImportedArticle, ImportFormat } from './importedArticle'
import { RejectedInput, toImportError } from './importError'
import { FORMAT_IMPORTERS, htmlStack, importerFor, SUPPORTED_LIST, type FormatImporter } from './formatImporters'
import { importPlainText } from './textImport'
import { PASTE_SOURCE_NAME } from './pasteSource'

export { MAX_IMPORT_BYTES } from '../../../shared/import/limits'
export { ImportError } from './importError'
export type { ImportedArticle, ImportFormat } from './importedArticle'

export { PASTE_SOURCE_NAME } from './pasteSource'

/** Which lazily loaded importers this thread has loaded so far (a probe for tests and checks). */
export function loadedFormatModules(): ImportFormat[] {
  return FORMAT_IMPORTERS.filter((importer) => importer.lazy && importer.loaded).map((importer) => importer.format)
}

/**
 * A pasted fragment this small is the analyst's own selection: Readability would only
 * risk dropping part of it. Larger pastes are usually a whole page copied with Ctrl+A.
 */
const MIN_PARAGRAPHS_FOR_READABILITY = 3

export async function importFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedArticle> {
  const fileName = baseName(file.name)
  try {
    const importer = checkFile(fileName, file.bytes)
    const parts = await importBytes(importer, file.bytes)
    return typeset(withBylineFromText({ format: importer.format, ...parts, sourceFile: fileName }))
  } catch (error) {
    throw toImportError(error, fileName)
  }
}

export async function importPaste(paste: { html?: string; text?: string }): Promise<ImportedArticle> {
  try {
    return typeset(withBylineFromText({ ...(await importPastedContent(paste)), sourceFile: null }))
  } catch (error) {
    throw toImportError(error, PASTE_SOURCE_NAME)
  }
}

/** An article with no author in its metadata takes the one its byline line names, with its date. */
function withBylineFromText(article: ImportedArticle): ImportedArticle {
  if (article.author) return article
  const byline = bylineInBlocks(article.blocks)
  if (!byline?.author) return article
  return { ...article, author: byline.author, publishedAt: article.publishedAt ?? byline.publishedAt }
}

/**
 * French text gets its no-break spaces (« never alone at a line end), in the title and the
 * blocks alike; lengths do not change, so nothing downstream needs to know.
 */
function typeset(article: ImportedArticle): ImportedArticle {
  if (!usesFrenchSpacing(article.language)) return article
  return { ...article, title: withFrenchSpacing(article.title), blocks: withFrenchSpacingInBlocks(article.blocks) }
}

/** Cheap checks first, so a 2 GB video dropped by mistake is refused before it is read. */
function checkFile(fileName: string, bytes: Uint8Array): FormatImporter {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new RejectedInput(
      `the file is ${formatMegabytes(bytes.length)}, over the ${MAX_IMPORT_LABEL} import limit`,
      'import.overLimit',
      { megabytes: Math.round((bytes.length / MEGABYTE) * 10) / 10, limit: MAX_IMPORT_BYTES / MEGABYTE }
    )
  }
  const importer = importerOf(fileName)
  if (bytes.length === 0) throw new RejectedInput('the file is empty', 'import.empty')
  return importer
}

function importerOf(fileName: string): FormatImporter {
  const extension = /\.[^.]+$/.exec(fileName)?.[0].toLowerCase()
  const importer = extension ? importerFor(extension) : undefined
  if (importer) return importer
  const what = extension ? `unsupported file type ${extension}` : 'unsupported file type (the name has no extension)'
  const supported = FORMAT_IMPORTERS.map((format) => format.extensions[0] ?? '')
  throw new RejectedInput(
    `${what} (Dossier imports ${SUPPORTED_LIST})`,
    extension ? 'import.unsupportedType' : 'import.noExtension',
    extension ? { extension, supported } : { supported }
  )
}

/** Hands the file to its format's importer: as bytes, or as text once decoded and found not blank. */
async function importBytes(importer: FormatImporter, bytes: Uint8Array): Promise<ArticleParts> {
  if (importer.reads === 'bytes') return (await importer.load()).import(bytes)
  const declaredCharset = importer.declaresCharset ? sniffHtmlCharset(bytes) : null
  const text = decodeText(bytes, { declaredCharset })
  if (!/\S/.test(text)) throw new RejectedInput('the file is empty', 'import.empty')
  return (await importer.load()).import(text)
}

async function importPastedContent(paste: {
  html?: string
  text?: string
}): Promise<Omit<ImportedArticle, 'sourceFile'>> {
  const text = paste.text?.replace(/\r\n?/g, '\n') ?? ''
  const hasText = /\S/.test(text)
  if (paste.html && /\S/.test(paste.html)) {
    try {
      const { importHtml } = await htmlStack.get()
      return { format: 'html', ...importHtml(paste.html, { useReadability: isLargeFragment(paste.html) }) }
    } catch (error) {
      if (!(error instanceof RejectedInput)) throw error
      // Some apps put an empty or image-only HTML flavour next to the real text.
      if (!hasText) {
        throw new RejectedInput('nothing to import (the pasted content has no readable text)', 'import.pasteNoText')
      }
    }
  }
  if (!hasText) throw new RejectedInput('nothing to import', 'import.nothingToImport')
  return { format: 'text', ...importPlainText(text) }
}

function isLargeFragment(html: string): boolean {
  return (html.match(/<p[\s>]/gi)?.length ?? 0) >= MIN_PARAGRAPHS_FOR_READABILITY
}

/** Paths can arrive from drag-and-drop on any platform; only the name is shown and stored. */
function baseName(name: string): string {
  return name.split(/[\\/]/).at(-1) || name
}

const MEGABYTE = 1024 * 1024

function formatMegabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`
}
