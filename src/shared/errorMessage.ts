/**
 * The words of a caught error, for a message a person reads. `catch` hands over `unknown`:
 * usually an Error, sometimes a string or anything a library threw. Written once so every
 * message reads the same way instead of each catch casting `(error as Error).message`.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
