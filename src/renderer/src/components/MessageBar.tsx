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

export function useMessages(): {
  messages: Message[]
  show: (message: Omit<Message, 'id'>) => string
  dismiss: (id: string) => void
} {
  const [messages, setMessages] = useState<Message[]>([])
  const show = useCallback((message: Omit<Message, 'id'>) => {
    const id = `message-${++sequence}`
    setMessages((current) => [...current, { ...message, id }])
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
