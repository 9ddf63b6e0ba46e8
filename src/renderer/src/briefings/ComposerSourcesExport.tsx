/**
 * « Export sources » in the composer: the articles a briefing cites, as a file Zotero and
 * other reference managers import (BibTeX, RIS, CSL-JSON), so the analyst's bibliography
 * holds exactly what the deliverable cites. A disclosure like the library's « Export
 * bibliography » (the same component), so it takes one button's width in the narrow composer.
 *
 * The sources are asked of the service when the format is chosen rather than taken from the
 * preview: the composition is fresh then, with the notes' articles as they are now.
 */
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BibliographyFormat } from '../../../shared/bibliography/formats'
import { useApp } from '../app/AppContext'
import { BibliographyFormatMenu } from '../lib/BibliographyFormatMenu'
import { saveBlob } from '../lib/saveDownload'

export function ComposerSourcesExport({ briefingId }: { briefingId: string }): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const { session } = useApp()
  const { api, take, show } = session
  const [busy, setBusy] = useState(false)

  const exportSources = useCallback(
    async (format: BibliographyFormat) => {
      setBusy(true)
      try {
        const composed = take(await api.composeBriefing({ briefingId }))
        if (!composed) return
        const articleIds = composed.document.sources.map((source) => source.articleId)
        if (articleIds.length === 0) {
          show({ level: 'info', text: t('exportOptions.noSources') })
          return
        }
        const file = take(await api.exportBibliography({ format, articleIds }))
        if (!file) return
        // Articles deleted for good are cited from the briefing's copy, but have no record left to export.
        if (file.count === 0) {
          show({ level: 'info', text: t('exportOptions.noSources') })
          return
        }
        saveBlob(file.fileName, new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }))
        show({
          level: 'info',
          text: t('exportOptions.sourcesExported', { count: file.count, fileName: file.fileName })
        })
      } finally {
        setBusy(false)
      }
    },
    [api, briefingId, show, t, take]
  )

  return (
    <BibliographyFormatMenu
      disabled={busy}
      label={t('exportOptions.exportSources')}
      menuLabel={t('exportOptions.sourcesAs')}
      onExport={(format) => void exportSources(format)}
    />
  )
}
