/**
 * Messages the services compose (a notice, an import refused, a change not saved) travel as a
 * code and its parameters, so that the interface says them in its own language; the English
 * sentence goes along as the fallback for logs, old files and codes an older interface does
 * not know. Parameters stay data: a file name is a string the interface isolates for bidi, a
 * count a number it formats with Intl, a list a list, and a part of the sentence that is
 * itself one of our messages (the reason an import failed) a nested message.
 */
export interface HostMessage {
  /** A key of the renderer's `messages` namespace, e.g. `import.empty`. */
  code: string
  params: MessageParams
}

export type MessageParam = string | number | readonly string[] | HostMessage

export type MessageParams = { readonly [name: string]: MessageParam }

/** A host message with its English words: what notices and service errors carry. */
export interface WordedMessage extends HostMessage {
  message: string
}

export function hostMessage(code: string, params: MessageParams = {}): HostMessage {
  return { code, params }
}

export function worded(message: string, code: string, params: MessageParams = {}): WordedMessage {
  return { message, code, params }
}

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false
  const { code, params } = value as { code?: unknown; params?: unknown }
  return typeof code === 'string' && typeof params === 'object' && params !== null && !Array.isArray(params)
}
