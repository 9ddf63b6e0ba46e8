/**
 * One data file that cannot be read (a notes file the system refuses, a folder where a file
 * should be) must cost the user that file only. What reaches them is one message naming the
 * file and the reason in words, and, once per file, a notice that stays until dismissed;
 * never "internal: EACCES" for the whole library. Both carry a code and parameters
 * (domain/hostMessages.ts) for the interface to say them in its language.
 */
import path from 'node:path'
import { ServiceError } from '../../../shared/api/dispatch'
import { hostMessage, worded, type HostMessage, type WordedMessage } from '../../../shared/domain/hostMessages'
import type { NoticeBoard } from '../noticeBoard'

const REASONS: Record<string, { words: string; code: string }> = {
  EACCES: { words: 'the system does not let Dossier read it', code: 'unreadable.denied' },
  EPERM: { words: 'the system does not let Dossier read it', code: 'unreadable.denied' },
  EISDIR: { words: 'it is a folder, not a file', code: 'unreadable.isFolder' },
  ENOTDIR: { words: 'a file is where a folder should be', code: 'unreadable.notFolder' },
  EIO: { words: 'the disk reported an error while reading it', code: 'unreadable.diskError' },
  ELOOP: { words: 'it is a link that leads nowhere', code: 'unreadable.brokenLink' }
}

/** « The notes of « title » », the subject of the message about an unreadable notes file. */
export function notesOf(title: string | null): WordedMessage {
  return title === null
    ? worded('The notes of an article', 'unreadable.notesOfAnArticle')
    : worded(`The notes of « ${title} »`, 'unreadable.notesOf', { title })
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
  explain(file: string, what: string | WordedMessage, error: unknown): unknown {
    if (error instanceof ServiceError) return error
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code !== 'string') return error
    const known = REASONS[code]
    const reasonWords = known?.words ?? (error instanceof Error ? error.message : code)
    const reason: HostMessage = known ? hostMessage(known.code) : hostMessage('detail', { detail: reasonWords })
    const subject = typeof what === 'string' ? worded(what, 'detail', { detail: what }) : what
    const name = path.relative(this.dataDir, file)
    const message = `${subject.message} could not be read: ${name} (${reasonWords}). The rest of the library is not affected.`
    const params = { what: hostMessage(subject.code, subject.params), file: name, reason }
    if (!this.reported.has(file)) {
      this.reported.add(file)
      this.notices.post(
        'error',
        worded(`${message} Data folder: ${this.dataDir}.`, 'unreadable.notice', { ...params, dataDir: this.dataDir })
      )
    }
    return new ServiceError('storage-failed', message, hostMessage('unreadable.error', params))
  }
}
