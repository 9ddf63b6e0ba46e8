/**
 * Imports what the user pastes. The paste is caught before the browser inserts it, so
 * pasted HTML is never rendered here: it goes, as text, to the import service, which
 * sanitizes it like any other web page.
 */
import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'

export interface PastedContent {
  html?: string
  text?: string
}

export function pastedContent(data: DataTransfer | null): PastedContent | null {
  if (!data) return null
  const html = data.getData('text/html')
  const text = data.getData('text/plain')
  if (!html.trim() && !text.trim()) return null
  return { ...(html.trim() ? { html } : {}), ...(text.trim() ? { text } : {}) }
}

export function PasteDialog({
  onPaste,
  onClose
}: {
  onPaste: (content: PastedContent) => void
  onClose: () => void
}): React.JSX.Element {
  const { t } = useTranslation('library')
  const dialog = useRef<HTMLDialogElement>(null)
  const target = useRef<HTMLDivElement>(null)

  useEffect(() => {
    dialog.current?.showModal()
    target.current?.focus()
  }, [])

  return (
    <dialog ref={dialog} className="dialog" aria-label={t('paste.title')} onClose={onClose}>
      <h2 className="dialog__title">{t('paste.title')}</h2>
      <p className="dialog__hint">
        <Trans t={t} i18nKey="paste.hint" components={{ kbd: <kbd /> }} />
      </p>
      <div
        ref={target}
        className="paste-target"
        role="textbox"
        aria-label={t('paste.target')}
        tabIndex={0}
        contentEditable
        suppressContentEditableWarning
        onBeforeInput={(event) => event.preventDefault()}
        onDrop={(event) => event.preventDefault()}
        onPaste={(event) => {
          event.preventDefault()
          const content = pastedContent(event.clipboardData)
          if (content) onPaste(content)
        }}
      >
        {t('paste.target')}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('paste.cancel')}
        </button>
      </div>
    </dialog>
  )
}
