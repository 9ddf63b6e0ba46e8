/**
 * The bibliography formats Dossier writes and reads, and what crosses the API for them:
 * the renderer offers the choice, the main process does the work with citation-js.
 */
import type { ArticleMetaChanges } from '../domain/article'

export const BIBLIOGRAPHY_FORMATS = ['bibtex', 'ris', 'csl-json'] as const
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number]

export const BIBLIOGRAPHY_EXTENSIONS: Record<BibliographyFormat, string> = {
  bibtex: '.bib',
  ris: '.ris',
  'csl-json': '.json'
}

/** What the file picker for « Fill from a reference file… » accepts. */
export const REFERENCE_FILE_EXTENSIONS = ['.bib', '.bibtex', '.ris', '.json', '.csljson', '.txt'] as const

/** An exported bibliography, as text: every format is UTF-8 text. */
export interface BibliographyFile {
  fileName: string
  mimeType: string
  content: string
  /** How many references it holds. */
  count: number
}

/** One reference read from a file, as the changes it would make to an article's details. */
export interface ReferenceEntry {
  changes: ArticleMetaChanges
}
