/**
 * One data file that cannot be read (a notes file the system refuses, a folder where a file
 * should be) must cost the user that file only. What reaches them is one message naming the
 * file and the reason in words, and, once per file, a notice that stays until dismissed;
 * never "internal: EACCES" for the whole library.
 */
import path from 'node:path'
import { ServiceError } from '../../../shared/api/dispatch'
import type { NoticeBoard } from '../noticeBoard'

const REASONS: Record<string, string> = {
  EACCES: 'the system does not let Dossier read it',
  EPERM: 'the system does not let Dossier read it',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a file is where a folder should be',
  EIO: 'the disk reported an error while reading it',
  ELOOP: 'it is a link that leads nowhere'
}

export class UnreadableFiles {
  private readonly reported = new Set<string>()

  constructor(
    private readonly dataDir: string,
    private readonly notices: NoticeBoard
  ) {}

  /**
   * The error to give the caller when reading `file` failed: a ServiceError naming the file
   * (the first time, also a notice). Errors that already speak to the user pass unchanged.
   */
  explain(file: string, what: string, error: unknown): unknown {
    if (error instanceof ServiceError) return error
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code !== 'string') return error
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : code)
    const name = path.relative(this.dataDir, file)
    const message = `${what} could not be read: ${name} (${reason}). The rest of the library is not affected.`
    if (!this.reported.has(file)) {
      this.reported.add(file)
      this.notices.post('error', `${message} Data folder: ${this.dataDir}.`)
    }
    return new ServiceError('storage-failed', message)
  }
}
