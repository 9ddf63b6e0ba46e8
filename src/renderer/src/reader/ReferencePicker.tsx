/**
 * When a reference file holds several entries, the analyst says which one is the article:
 * each is shown by its title, author, year and outlet, the way a reference manager lists them.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReferenceEntry } from '../../../shared/bibliography/formats'

export function ReferencePicker({
  fileName,
  entries,
  onPick,
  onClose
}: {
  fileName: string
  entries: readonly ReferenceEntry[]
  onPick: (entry: ReferenceEntry) => void
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('reader')
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-label={t('info.pickTitle')} onClose={onClose}>
      <h2 className="dialog__title">{t('info.pickTitle')}</h2>
      <p className="dialog__hint">{t('info.pickText', { count: entries.length, fileName })}</p>
      <ul className="reference-picker">
        {entries.map((entry, index) => {
          const { title, author, publishedAt, outlet } = entry.changes
          return (
            <li key={index}>
              <button type="button" className="reference-picker__item" onClick={() => onPick(entry)}>
                <span className="reference-picker__title">{title}</span>
                <span className="reference-picker__meta">
                  {[author ?? t('info.noAuthor'), publishedAt?.slice(0, 4), outlet].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('info.cancel')}
        </button>
      </div>
    </dialog>
  )
}
