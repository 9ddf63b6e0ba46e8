/** The toasts: the messages of app/messages.ts, each with its action and a dismiss button. */
import type { Message } from './messages'

export type { Message }

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
