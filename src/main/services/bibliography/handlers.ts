/**
 * The API's bibliography methods over the article store, spread into the dossier's
 * handlers so that dossier.ts only names them.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ArticleMeta } from '../../../shared/domain/article'
import type { ArticleStore } from '../articleStore'

/**
 * citation-js and its BibTeX and RIS plugins take about 2 s to load on a busy machine; they
 * are loaded by the first bibliography call, not at start-up, where the user waits for them.
 */
const loadBibliography = () => import('./bibliography')

export function bibliographyHandlers(
  articles: Pick<ArticleStore, 'list' | 'listTrash'>
): Pick<ApiHandlers, 'exportBibliography' | 'readReferenceFile'> {
  return {
    async exportBibliography({ format, articleIds }) {
      const { exportBibliography } = await loadBibliography()
      if (!articleIds) return exportBibliography(articles.list(), format, 'dossier-library')
      // A briefing's sources may include trashed articles; ones deleted for good are not here to export.
      const known = new Map<string, ArticleMeta>(
        [...articles.list(), ...articles.listTrash()].map((meta) => [meta.id, meta])
      )
      const metas = [...new Set(articleIds)].flatMap((articleId) => known.get(articleId) ?? [])
      return exportBibliography(metas, format, 'dossier-sources')
    },
    async readReferenceFile({ text }) {
      const { readReferences } = await loadBibliography()
      return { entries: readReferences(text) }
    }
  }
}
