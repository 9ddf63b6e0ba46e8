/** Messages the user must see: outcomes of their own actions, with Undo where it applies, and notices from the services. */
import { useCallback, useState } from 'react'

export interface Message {
  id: string
  level: 'info' | 'warning' | 'error'
  text: string
  /** Extra lines, e.g. one per file that failed to import. */
  details?: string[]
  action?: { label: string; run: () => void }
  /** Set for notices that come from the services and must be dismissed there too. */
  noticeId?: string
}

let sequence = 0

const INFO_MS = 6_000
const INFO_WITH_ACTION_MS = 12_000

export function useMessages(): {
  messages: Message[]
  show: (message: Omit<Message, 'id'>) => string
  dismiss: (id: string) => void
} {
  const [messages, setMessages] = useState<Message[]>([])
  const show = useCallback((message: Omit<Message, 'id'>) => {
    const id = `message-${++sequence}`
    // Only the latest few outcomes matter; errors, warnings and notices stay until dismissed.
    setMessages((current) => [
      ...current.filter((kept) => kept.level !== 'info').slice(-4),
      ...current.filter((kept) => kept.level === 'info').slice(-1),
      { ...message, id }
    ])
    if (message.level === 'info' && !message.noticeId) {
      // An outcome fades on its own; one offering Undo stays long enough to be used.
      setTimeout(
        () => setMessages((current) => current.filter((kept) => kept.id !== id)),
        message.action ? INFO_WITH_ACTION_MS : INFO_MS
      )
    }
    return id
  }, [])
  const dismiss = useCallback((id: string) => {
    setMessages((current) => current.filter((message) => message.id !== id))
  }, [])
  return { messages, show, dismiss }
}

export function MessageBar({
  messages,
  onDismiss
}: {
  messages: readonly Message[]
  onDismiss: (message: Message) => void
}): React.JSX.Element | null {
  if (messages.length === 0) return null
  return (
    <div className="message-bar">
      {messages.map((message) => (
        <div
          key={message.id}
          className={`message message--${message.level}`}
          role={message.level === 'error' ? 'alert' : 'status'}
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
                onDismiss(message)
              }}
            >
              {message.action.label}
            </button>
          )}
          <button type="button" className="message__dismiss" aria-label="Dismiss" onClick={() => onDismiss(message)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
