/**
 * The API's bibliography methods over the article store, spread into the dossier's
 * handlers so that dossier.ts only names them.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ArticleMeta } from '../../../shared/domain/article'
import type { ArticleStore } from '../articleStore'
import { exportBibliography, readReferences } from './bibliography'

export function bibliographyHandlers(
  articles: Pick<ArticleStore, 'list' | 'listTrash'>
): Pick<ApiHandlers, 'exportBibliography' | 'readReferenceFile'> {
  return {
    async exportBibliography({ format, articleIds }) {
      if (!articleIds) return exportBibliography(articles.list(), format, 'dossier-library')
      // A briefing's sources may include trashed articles; ones deleted for good are not here to export.
      const known = new Map<string, ArticleMeta>(
        [...articles.list(), ...articles.listTrash()].map((meta) => [meta.id, meta])
      )
      const metas = [...new Set(articleIds)].flatMap((articleId) => known.get(articleId) ?? [])
      return exportBibliography(metas, format, 'dossier-sources')
    },
    async readReferenceFile({ text }) {
      return { entries: readReferences(text) }
    }
  }
}
