/**
 * Collects what the user must be told about things that happened behind their back
 * (a damaged file set aside, a backup restored), until they dismiss it. A notice is posted
 * as plain English words, or better as a worded message (domain/hostMessages.ts) whose code
 * and parameters the interface says in its own language.
 */
import { randomUUID } from 'node:crypto'
import type { WordedMessage } from '../../shared/domain/hostMessages'
import type { Notice } from '../../shared/domain/notices'

export class NoticeBoard {
  private notices: Notice[] = []

  constructor(private readonly now: () => Date = () => new Date()) {}

  post(level: Notice['level'], said: string | WordedMessage, { lasting = false }: { lasting?: boolean } = {}): Notice {
    const words = typeof said === 'string' ? { message: said } : said
    const notice: Notice = { id: randomUUID(), level, ...words, at: this.now().toISOString() }
    if (lasting) notice.lasting = true
    this.notices.push(notice)
    return notice
  }

  list(): Notice[] {
    return [...this.notices]
  }

  /** False when there is no such notice, or it describes a lasting state (it stays). */
  dismiss(noticeId: string): boolean {
    const before = this.notices.length
    this.notices = this.notices.filter((notice) => notice.id !== noticeId || notice.lasting)
    return this.notices.length < before
  }
}
