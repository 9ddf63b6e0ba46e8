/**
 * Asks what to do with a file whose text is already in the library: open the article that
 * has it, or import a copy. Asked from the import loop (a plain module), so it mounts its own
 * small React root and answers with a promise; a native modal <dialog> gives focus, the
 * focus trap and Escape (which imports nothing) without code of ours.
 */
import { useEffect, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { useTranslation } from 'react-i18next'
import { isolateBidi } from '../../../shared/text/bidi'

export type DuplicateChoice = 'open' | 'copy' | 'cancel'

export function DuplicateImportDialog({
  fileName,
  existingTitle,
  onChoose
}: {
  fileName: string
  existingTitle: string
  onChoose: (choice: DuplicateChoice) => void
}): React.JSX.Element {
  const { t } = useTranslation('library')
  const dialog = useRef<HTMLDialogElement>(null)
  const openButton = useRef<HTMLButtonElement>(null)
  /** Set by the button pressed, read when the dialog closes (Escape closes it with none). */
  const chosen = useRef<DuplicateChoice>('cancel')

  useEffect(() => {
    dialog.current?.showModal()
    openButton.current?.focus()
  }, [])

  const choose = (choice: DuplicateChoice) => () => {
    chosen.current = choice
    dialog.current?.close()
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="duplicate-import-title"
      aria-describedby="duplicate-import-text"
      onClose={() => onChoose(chosen.current)}
    >
      <h2 id="duplicate-import-title" className="dialog__title">
        {t('duplicate.title')}
      </h2>
      <p id="duplicate-import-text" className="dialog__hint duplicate-import__text">
        {t('duplicate.text', { fileName: isolateBidi(fileName), title: isolateBidi(existingTitle) })}
      </p>
      <div className="dialog__actions duplicate-import__actions">
        <button type="button" className="button" onClick={choose('cancel')}>
          {t('duplicate.cancel')}
        </button>
        <button type="button" className="button" onClick={choose('copy')}>
          {t('duplicate.importCopy')}
        </button>
        <button ref={openButton} type="button" className="button button--primary" onClick={choose('open')}>
          {t('duplicate.openExisting')}
        </button>
      </div>
    </dialog>
  )
}

/** Shows the dialog over the page and resolves with the analyst's choice, then removes it. */
export function askAboutDuplicate(fileName: string, existingTitle: string): Promise<DuplicateChoice> {
  return new Promise((resolve) => {
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    const onChoose = (choice: DuplicateChoice): void => {
      // After the close event has run its course: unmounting inside it would warn.
      queueMicrotask(() => {
        root.unmount()
        host.remove()
      })
      resolve(choice)
    }
    root.render(<DuplicateImportDialog fileName={fileName} existingTitle={existingTitle} onChoose={onChoose} />)
  })
}
