/**
 * Import failures are shown to the analyst as they are, so each one names the file and
 * says in one sentence what is wrong with it. Format modules do not know the file name:
 * they throw RejectedInput with the reason, and the dispatcher turns it into ImportError.
 * The reason travels twice: in English (`reason`, for logs) and as a code with parameters
 * (`why`, domain/hostMessages.ts) that the interface says in its own language.
 */
import { hostMessage, type HostMessage, type MessageParams } from '../../../shared/domain/hostMessages'
import { errorMessage } from '../../../shared/errorMessage'

export class ImportError extends Error {
  override readonly name = 'ImportError'
  readonly why: HostMessage

  constructor(
    readonly fileName: string,
    readonly reason: string,
    options?: ErrorOptions & { why?: HostMessage }
  ) {
    super(`${fileName}: ${reason}`, options)
    this.why = options?.why ?? unreadable(reason)
  }
}

export class RejectedInput extends Error {
  override readonly name = 'RejectedInput'

  /** The reason as a code of the interface's `messages` namespace; without one, shown as a detail. */
  readonly why: HostMessage

  constructor(
    readonly reason: string,
    code?: string,
    params: MessageParams = {}
  ) {
    super(reason)
    this.why = code ? hostMessage(code, params) : unreadable(reason)
  }
}

export function toImportError(error: unknown, fileName: string): ImportError {
  if (error instanceof ImportError) return error
  if (error instanceof RejectedInput) return new ImportError(fileName, error.reason, { why: error.why })
  const detail = errorMessage(error)
  return new ImportError(fileName, `it could not be read (${detail})`, {
    cause: error,
    why: hostMessage('import.couldNotRead', { detail })
  })
}

/** A reason with no code of its own: said as « it could not be read » with the English words as a detail. */
function unreadable(reason: string): HostMessage {
  return hostMessage('import.couldNotRead', { detail: reason })
}
