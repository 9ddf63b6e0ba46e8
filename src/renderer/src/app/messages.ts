/**
 * Messages the user must see: outcomes of their own actions, with Undo where it applies,
 * and notices from the services. A store rather than component state, so actions that run
 * outside components (saving a note, an undo step) can tell the user what happened.
 */
import { createStore, type Store } from '../lib/store'

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

export type ShowMessage = (message: Omit<Message, 'id'>) => string

export interface Messages {
  store: Store<{ messages: Message[] }>
  show: ShowMessage
  dismiss: (id: string) => void
}

/** An outcome fades on its own; one offering Undo stays long enough to be used. */
export const INFO_MS = 6_000
export const INFO_WITH_ACTION_MS = 12_000
/** Only the latest outcomes matter (the one before stays beside the new one); problems stay until dismissed, five at most. */
const KEPT_PROBLEMS = 4
const KEPT_OUTCOMES = 1

/**
 * At most three toasts at once (issue 14): more would cover the page they report on. The three
 * newest are shown; older ones are not dropped (a problem stays until dismissed) but wait,
 * collapsed into one line that counts them, and come back as the shown ones fade or are
 * dismissed. Newest first is right because a message answers what was just done, and the
 * Undo of the last change is the one Ctrl+Z would undo too.
 */
export const MAX_SHOWN = 3

/** Arrival order: ids are numbered as messages are shown. */
export function byArrival(a: Message, b: Message): number {
  return Number(a.id.slice(a.id.lastIndexOf('-') + 1)) - Number(b.id.slice(b.id.lastIndexOf('-') + 1))
}

/** Which messages the bar shows, oldest first, and how many older ones wait behind them. */
export function shownMessages(messages: readonly Message[]): { shown: Message[]; waiting: number } {
  const waiting = Math.max(0, messages.length - MAX_SHOWN)
  return { shown: messages.slice(waiting), waiting }
}

let sequence = 0

export function createMessages(later: (run: () => void, ms: number) => void = setTimeout): Messages {
  const store = createStore<{ messages: Message[] }>({ messages: [] })
  const dismiss = (id: string): void =>
    store.set(({ messages }) => ({ messages: messages.filter((message) => message.id !== id) }))
  const show: ShowMessage = (message) => {
    const id = `message-${++sequence}`
    store.set(({ messages }) => ({
      messages: [
        ...messages.filter((kept) => kept.level !== 'info').slice(-KEPT_PROBLEMS),
        ...messages.filter((kept) => kept.level === 'info').slice(-KEPT_OUTCOMES),
        { ...message, id }
      ]
    }))
    if (message.level === 'info' && !message.noticeId) {
      later(() => dismiss(id), message.action ? INFO_WITH_ACTION_MS : INFO_MS)
    }
    return id
  }
  return { store, show, dismiss }
}
