/** Messages the user must see: failures of their own actions and notices from the services. */
export interface Message {
  id: string
  level: 'info' | 'warning' | 'error'
  text: string
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
          <span className="message__text">{message.text}</span>
          <button type="button" className="message__dismiss" aria-label="Dismiss" onClick={() => onDismiss(message)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
