/**
 * The shape every importer produces, kept apart from index.ts so that the per-format
 * modules can share it without importing the dispatcher that imports them.
 */
import type { ArticleBlock, ArticleProvenance } from '../../../shared/domain/article'

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf'

/** Provenance fields as in ArticleMeta: publishedAt ISO 8601, sourceUrl http(s) only, language ISO 639-1. */
export interface ImportedArticle extends ArticleProvenance {
  format: ImportFormat
  /** Never empty, and no block has empty text. */
  blocks: ArticleBlock[]
}

/** What a format importer knows; the dispatcher adds the format and the file name. */
export type ArticleParts = Omit<ImportedArticle, 'format' | 'sourceFile'>

export const NO_METADATA = { outlet: null, author: null, publishedAt: null, sourceUrl: null } as const
