/**
 * Things the user must be told that happened outside their action: a damaged data file
 * set aside and restored from a backup, for instance. Never silently swallowed.
 */
import type { MessageParams } from './hostMessages'

export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  /** The English words: what logs read, and what the interface shows for a notice without a code. */
  message: string
  /** What the interface words in its own language (hostMessages.ts); absent from older notices. */
  code?: string
  params?: MessageParams
  at: string
  /**
   * A state that lasts the whole session rather than an event (Dossier is read-only): shown
   * as a banner that stays, and cannot be dismissed.
   */
  lasting?: true
}
