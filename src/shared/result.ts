/**
 * Results cross process boundaries as data, never as thrown exceptions: an exception
 * cannot be serialised faithfully over IPC or HTTP, and the renderer must be able to
 * show the user the reason in plain words.
 */
import type { HostMessage } from './domain/hostMessages'

export type ApiErrorCode =
  'invalid-input' | 'not-found' | 'unauthorized' | 'storage-failed' | 'unknown-method' | 'internal'

export interface ApiError {
  code: ApiErrorCode
  message: string
  /** `message` as a code the interface words in its own language (domain/hostMessages.ts). */
  why?: HostMessage
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ApiErrorCode, message: string, why?: HostMessage): Result<never> {
  return { ok: false, error: why ? { code, message, why } : { code, message } }
}
