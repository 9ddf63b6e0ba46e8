/**
 * Things the user must be told that happened outside their action: a damaged data file
 * set aside and restored from a backup, for instance. Never silently swallowed.
 */
export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  message: string
  at: string
}
