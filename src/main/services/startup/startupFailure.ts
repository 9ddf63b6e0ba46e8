/**
 * The one line a failed start prints. A stack trace says nothing to the person starting
 * Dossier; the file concerned and the reason in words tell them what to fix. Errors that
 * were written for people (the lock held, a file from a newer Dossier, a folder that could
 * not be moved aside) are printed as they are.
 */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'it is a folder where a file was expected',
  ENOTDIR: 'a file is where a folder was expected',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENOENT: 'it does not exist'
}

export function startupFailureMessage(error: unknown): string {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown
    path?: unknown
    message?: unknown
  }
  const message = typeof record.message === 'string' ? record.message : String(error)
  if (typeof record.code === 'string' && typeof record.path === 'string') {
    const reason = REASONS[record.code] ?? message
    return `Dossier did not start: ${record.path} could not be used (${reason}, ${record.code}).`
  }
  return `Dossier did not start: ${message.split('\n')[0]}`
}

/**
 * `work`'s result; a system error it throws without saying which file (a read of an open file
 * reports none) is given `file`, so that the one line a failed start prints can name it.
 */
export async function naming<T>(file: string, work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    const record = error as { code?: unknown; path?: unknown } | null
    if (record && typeof record.code === 'string' && record.path === undefined) record.path = file
    throw error
  }
}
