/**
 * The composer's « Citations and tags » fields: the document's language (the interface's for a
 * new briefing; it words the headings, dates and the citation style's terms), whether the
 * document lists each note's tags (off for a deliverable), which citation style writes its citations and sources list — a
 * bundled CSL style (the French house style for a new briefing), one the analyst adds from a
 * `.csl` file, or Dossier's own press-review form — and the sources out to a reference manager.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import {
  BRIEFING_LANGUAGES,
  DOSSIER_CITATION_STYLE,
  isBriefingLanguage,
  type Briefing
} from '../../../shared/briefing/spec'
import type { CitationStyleInfo } from '../../../shared/briefing/styledCitations'
import { useApp } from '../app/AppContext'
import { ComposerSourcesExport } from './ComposerSourcesExport'

export function ComposerExportOptions({
  briefing,
  onChange
}: {
  briefing: Pick<Briefing, 'id' | 'showTags' | 'citationStyle' | 'language'>
  onChange: (changes: BriefingChanges) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const { session } = useApp()
  const { api, take, show } = session
  const [styles, setStyles] = useState<CitationStyleInfo[]>([])
  // Until the list arrives, the briefing's style is not « no longer available », only not known yet.
  const [listed, setListed] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const problemId = useId()

  useEffect(() => {
    let live = true
    void api.listCitationStyles({}).then((result) => {
      const list = take(result)
      if (!live) return
      if (list) setStyles(list)
      setListed(true)
    })
    return () => {
      live = false
    }
  }, [api, take])

  const addStyle = useCallback(
    async (file: File) => {
      setProblem(null)
      const result = await api.addCitationStyle({ fileName: file.name, content: await file.text() })
      if (!result.ok) {
        // The service names the file and the reason; it stays beside the picker until the next try.
        setProblem(result.error.message)
        return
      }
      setStyles((before) => [...before, result.value])
      onChange({ citationStyle: result.value.id })
      show({ level: 'info', text: t('exportOptions.styleAdded', { title: result.value.title }) })
    },
    [api, onChange, show, t]
  )

  const known = styles.some((style) => style.id === briefing.citationStyle)
  return (
    <fieldset className="composer__group">
      <legend>{t('exportOptions.legend')}</legend>
      <label className="field composer__language">
        <span className="field__label">{t('exportOptions.documentLanguage')}</span>
        <select
          className="input"
          value={briefing.language}
          onChange={(event) => onChange({ language: event.target.value })}
        >
          {!isBriefingLanguage(briefing.language) && <option value={briefing.language}>{briefing.language}</option>}
          {BRIEFING_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`exportOptions.languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="composer__check">
        <input
          type="checkbox"
          checked={briefing.showTags}
          onChange={(event) => onChange({ showTags: event.target.checked })}
        />
        {t('exportOptions.showTags')}
      </label>
      <div className="composer__row composer__style">
        <label className="field">
          <span className="field__label">{t('exportOptions.citationStyle')}</span>
          <select
            className="input"
            value={briefing.citationStyle}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => onChange({ citationStyle: event.target.value })}
          >
            {!known && briefing.citationStyle !== DOSSIER_CITATION_STYLE && (
              <option value={briefing.citationStyle}>
                {listed ? t('exportOptions.missingStyle') : t('exportOptions.listingStyles')}
              </option>
            )}
            {styles.map((style) => (
              <option key={style.id} value={style.id}>
                {style.origin === 'added' ? t('exportOptions.addedStyle', { title: style.title }) : style.title}
              </option>
            ))}
            <option value={DOSSIER_CITATION_STYLE}>{t('exportOptions.dossierStyle')}</option>
          </select>
        </label>
        <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
          {t('exportOptions.addStyle')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csl,application/vnd.citationstyles.style+xml,text/xml"
          hidden
          data-testid="citation-style-file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void addStyle(file)
          }}
        />
      </div>
      {problem && (
        <p id={problemId} className="composer__problem" role="alert">
          {problem}
        </p>
      )}
      <ComposerSourcesExport briefingId={briefing.id} />
    </fieldset>
  )
}
