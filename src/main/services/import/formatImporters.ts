/**
 * One importer per file format behind one interface (Joplin's model), and the registry
 * that the dispatcher in index.ts walks: which extensions a format takes, how its module
 * is loaded, and what it makes of a file. Adding a format is one entry here; the list of
 * supported types in the refusal message is read from the same entries.
 *
 * The HTML stack (jsdom, Readability, DOMPurify) takes about 2 s to load and mammoth and
 * pdf.js add more, so those importers are loaded on the first web page, paste with HTML,
 * Word file or PDF that needs them, never for plain text or Markdown. The bundler turns
 * each `import()` into its own chunk, required on first use (out/main/chunks).
 */
import type { ArticleParts, ImportFormat } from './importedArticle'
import { importMarkdown } from './markdownImport'
import { importPlainText } from './textImport'

interface ImporterBase {
  format: ImportFormat
  /** Lower case, with the dot; the first is the one named in messages. */
  extensions: readonly string[]
  /** Whether its module is loaded on first use rather than bundled with the dispatcher. */
  lazy: boolean
  /** Whether `load` has completed in this thread (a probe for tests and checks). */
  readonly loaded: boolean
}

/** Reads the file's bytes as they are (Word, PDF). */
export interface BytesImporter extends ImporterBase {
  reads: 'bytes'
  /** Loads what the format needs, once; a failed load is tried again next time. */
  load(): Promise<{ import(bytes: Uint8Array): Promise<ArticleParts> }>
}

/** Reads the file's text, decoded by the dispatcher first (BOM, UTF-16, legacy 8-bit). */
export interface TextImporter extends ImporterBase {
  reads: 'text'
  /** Whether the decoder should heed a charset the document declares (`<meta charset>`). */
  declaresCharset: boolean
  load(): Promise<{ import(text: string): ArticleParts }>
}

export type FormatImporter = BytesImporter | TextImporter

/** A module loaded on first use; a failed load is tried again next time rather than remembered. */
function lazy<T>(load: () => Promise<T>): { get(): Promise<T>; readonly loaded: boolean } {
  let module: Promise<T> | undefined
  let loaded = false
  return {
    get() {
      module ??= load().then(
        (value) => {
          loaded = true
          return value
        },
        (error: unknown) => {
          module = undefined
          throw error
        }
      )
      return module
    },
    get loaded() {
      return loaded
    }
  }
}

/** A text format whose importer is bundled with the dispatcher: nothing to load. */
function bundledTextImporter(
  format: ImportFormat,
  extensions: readonly string[],
  importText: (text: string) => ArticleParts
): TextImporter {
  return {
    format,
    extensions,
    reads: 'text',
    declaresCharset: false,
    lazy: false,
    loaded: true,
    load: async () => ({ import: importText })
  }
}

/** A binary format whose importer module is loaded on first use. */
function lazyBytesImporter<M>(
  format: ImportFormat,
  extensions: readonly string[],
  module: { get(): Promise<M>; readonly loaded: boolean },
  importerOf: (loaded: M) => (bytes: Uint8Array) => Promise<ArticleParts>
): BytesImporter {
  return {
    format,
    extensions,
    reads: 'bytes',
    lazy: true,
    load: async () => ({ import: importerOf(await module.get()) }),
    get loaded() {
      return module.loaded
    }
  }
}

/** The web-page stack, shared with pastes that carry HTML (which choose whether to use Readability). */
export const htmlStack = lazy(() => import('./htmlImport'))

export const FORMAT_IMPORTERS: readonly FormatImporter[] = [
  bundledTextImporter('text', ['.txt', '.text'], importPlainText),
  bundledTextImporter('markdown', ['.md', '.markdown'], importMarkdown),
  {
    format: 'html',
    extensions: ['.html', '.htm', '.xhtml'],
    reads: 'text',
    declaresCharset: true,
    lazy: true,
    async load() {
      const { importHtml } = await htmlStack.get()
      return { import: (text) => importHtml(text, { useReadability: true }) }
    },
    get loaded() {
      return htmlStack.loaded
    }
  },
  lazyBytesImporter(
    'docx',
    ['.docx'],
    lazy(() => import('./docxImport')),
    (module) => module.importDocx
  ),
  lazyBytesImporter(
    'pdf',
    ['.pdf'],
    lazy(() => import('./pdfImport')),
    (module) => module.importPdf
  )
]

/** The importer taking files with this extension (lower case, with the dot), if any. */
export function importerFor(extension: string): FormatImporter | undefined {
  return FORMAT_IMPORTERS.find((importer) => importer.extensions.includes(extension))
}

/** « .txt, .md, .html, .docx, .pdf »: what the refusal of an unsupported file lists. */
export const SUPPORTED_LIST = FORMAT_IMPORTERS.map((importer) => importer.extensions[0]).join(', ')
