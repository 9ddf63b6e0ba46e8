/**
 * Things the user must be told that happened outside their action: a damaged data file
 * set aside and restored from a backup, for instance. Never silently swallowed.
 */
export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  message: string
  at: string
  /**
   * A state that lasts the whole session rather than an event (Dossier is read-only): shown
   * as a banner that stays, and cannot be dismissed.
   */
  lasting?: true
}
