/**
 * The toasts: the messages of app/messages.ts, each with its action and a dismiss button.
 * They float over the layout (fixed, never pushing it down) and at most three show at once
 * (messages.ts says which). A modal dialog makes everything outside it inert and sits in the
 * browser's top layer, above any z-index, so while one is open the bar is rendered inside
 * it: still fixed to the same place on screen, above the dialog, and its Undo stays clickable.
 * A toast under the pointer or holding the focus does not fade until they leave it: its Undo
 * must not vanish mid-click (WCAG 2.2.1, timing adjustable).
 */
import { useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { byArrival, shownMessages, type Message } from './messages'

export type { Message }

/** The open modal dialog the bar must live in, else null; re-read whenever a dialog opens or closes. */
function subscribeToDialogs(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] })
  return () => observer.disconnect()
}

function topModalDialog(): HTMLDialogElement | null {
  const isModal = (dialog: HTMLDialogElement) => {
    try {
      return dialog.matches(':modal')
    } catch {
      return false // An engine without :modal (jsdom): no top layer to escape either.
    }
  }
  const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')].filter(isModal)
  return open.at(-1) ?? null
}

export function MessageBar({
  messages,
  onDismiss
}: {
  messages: readonly Message[]
  onDismiss: (message: Message) => void
}): React.JSX.Element | null {
  const { t } = useTranslation('common')
  const dialog = useSyncExternalStore(subscribeToDialogs, topModalDialog, () => null)
  const [held, setHeld] = useState<readonly Message[]>([])
  const hold = (message: Message) =>
    setHeld((list) => (list.some((kept) => kept.id === message.id) ? list : [...list, message]))
  const release = (message: Message) => setHeld((list) => list.filter((kept) => kept.id !== message.id))
  // A held toast that faded meanwhile stays in its place until it is let go.
  const faded = held.filter((kept) => !messages.some((message) => message.id === kept.id))
  const all = faded.length > 0 ? [...messages, ...faded].sort(byArrival) : messages
  if (all.length === 0) return null
  const { shown, waiting } = shownMessages(all)
  const bar = (
    <div className="message-bar" role="region" aria-label={t('messages.label')}>
      {waiting > 0 && <p className="message-bar__waiting">{t('messages.waiting', { count: waiting })}</p>}
      {shown.map((message) => (
        <div
          key={message.id}
          className={`message message--${message.level}`}
          role={message.level === 'error' ? 'alert' : 'status'}
          onMouseEnter={() => hold(message)}
          onMouseLeave={() => release(message)}
          onFocus={() => hold(message)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) release(message)
          }}
        >
          <div className="message__text">
            {message.text}
            {message.details && message.details.length > 0 && (
              <ul className="message__details">
                {message.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
          {message.action && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                message.action?.run()
                release(message)
                onDismiss(message)
              }}
            >
              {message.action.label}
            </button>
          )}
          <button
            type="button"
            className="message__dismiss"
            aria-label={t('messages.dismiss')}
            onClick={() => {
              release(message)
              onDismiss(message)
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
  return dialog ? createPortal(bar, dialog) : bar
}
