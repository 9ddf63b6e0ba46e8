/**
 * The single entry point both transports call on the trusted side: checks the method
 * name, validates the input against the contract, runs the handler and turns every
 * outcome, including a thrown error, into a Result.
 */
import { apiContract, type ApiHandlers } from './contract'
import { isApiMethod } from './methods'
import { hostMessage, type HostMessage } from '../domain/hostMessages'
import { errorMessage } from '../errorMessage'
import { fail, ok, type Result } from '../result'

/** A service error whose message is meant for the user, with a code the UI can act on. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid-input' | 'storage-failed',
    message: string,
    /** The same words as a code the interface says in its language (domain/hostMessages.ts). */
    readonly why?: HostMessage
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export async function dispatchApiCall(
  handlers: ApiHandlers,
  methodName: string,
  rawInput: unknown
): Promise<Result<unknown>> {
  if (!isApiMethod(methodName)) return fail('unknown-method', `Unknown API method "${methodName}".`)
  const parsed = apiContract[methodName].input.safeParse(rawInput)
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      .join('; ')
    return fail('invalid-input', `Invalid input for ${methodName}: ${details}`)
  }
  try {
    const handler = handlers[methodName] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message, error.why)
    const storage = storageFailure(error)
    if (storage !== null) return fail('storage-failed', storage.message, hostMessage(storage.code))
    return fail('internal', `${methodName} failed: ${errorMessage(error)}`)
  }
}

/**
 * What a person can do about a failed write: a full disk or a read-only folder says so in
 * words, instead of reaching the screen as "internal: ENOSPC". The error codes are Node's,
 * read off the error object, so this stays free of Node imports.
 */
function storageFailure(error: unknown): { message: string; code: string } | null {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { message: 'The disk is full: your last change was not saved.', code: 'storage.diskFull' }
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return {
      message: 'Dossier may not write to its data folder: your last change was not saved.',
      code: 'storage.notWritable'
    }
  }
  return null
}
