/**
 * The shape every importer produces, kept apart from index.ts so that the per-format
 * modules can share it without importing the dispatcher that imports them.
 */
import type { ArticleBlock } from '../../../shared/domain/article'

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx'

export interface ImportedArticle {
  format: ImportFormat
  /** Never empty, and no block has empty text. */
  blocks: ArticleBlock[]
  title: string
  outlet: string | null
  author: string | null
  /** ISO 8601 date or date-time, as precise as the source said. */
  publishedAt: string | null
  /** Only http(s) URLs: this is shown as a link. */
  sourceUrl: string | null
  /** ISO 639-1 code such as 'fr'. */
  language: string | null
  /** The file name, null for a paste. */
  sourceFile: string | null
}

/** What a format importer knows; the dispatcher adds the format and the file name. */
export type ArticleParts = Omit<ImportedArticle, 'format' | 'sourceFile'>

export const NO_METADATA = { outlet: null, author: null, publishedAt: null, sourceUrl: null } as const
