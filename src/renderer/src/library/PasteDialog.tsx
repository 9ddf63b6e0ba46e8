/**
 * Imports what the user pastes. The paste is caught before the browser inserts it, so
 * pasted HTML is never rendered here: it goes, as text, to the import service, which
 * sanitizes it like any other web page.
 */
import { useEffect, useRef } from 'react'

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
  const dialog = useRef<HTMLDialogElement>(null)
  const target = useRef<HTMLDivElement>(null)

  useEffect(() => {
    dialog.current?.showModal()
    target.current?.focus()
  }, [])

  return (
    <dialog ref={dialog} className="dialog" aria-label="Paste an article" onClose={onClose}>
      <h2 className="dialog__title">Paste an article</h2>
      <p className="dialog__hint">
        Copy an article from a web page, a document or an e-mail, then press <kbd>Ctrl</kbd>+<kbd>V</kbd> (<kbd>⌘</kbd>+
        <kbd>V</kbd> on a Mac) in the box below.
      </p>
      <div
        ref={target}
        className="paste-target"
        role="textbox"
        aria-label="Paste here"
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
        Paste here
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
