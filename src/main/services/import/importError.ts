/**
 * Import failures are shown to the analyst as they are, so each one names the file and
 * says in one sentence what is wrong with it. Format modules do not know the file name:
 * they throw RejectedInput with the reason, and the dispatcher turns it into ImportError.
 */
import { errorMessage } from '../../../shared/errorMessage'

export class ImportError extends Error {
  override readonly name = 'ImportError'

  constructor(
    readonly fileName: string,
    readonly reason: string,
    options?: ErrorOptions
  ) {
    super(`${fileName}: ${reason}`, options)
  }
}

export class RejectedInput extends Error {
  override readonly name = 'RejectedInput'

  constructor(readonly reason: string) {
    super(reason)
  }
}

export function toImportError(error: unknown, fileName: string): ImportError {
  if (error instanceof ImportError) return error
  if (error instanceof RejectedInput) return new ImportError(fileName, error.reason)
  return new ImportError(fileName, `it could not be read (${errorMessage(error)})`, { cause: error })
}
