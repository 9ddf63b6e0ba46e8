/**
 * Collects what the user must be told about things that happened behind their back
 * (a damaged file set aside, a backup restored), until they dismiss it.
 */
import { randomUUID } from 'node:crypto'
import type { Notice } from '../../shared/domain/notices'

export class NoticeBoard {
  private notices: Notice[] = []

  constructor(private readonly now: () => Date = () => new Date()) {}

  post(level: Notice['level'], message: string, { lasting = false }: { lasting?: boolean } = {}): Notice {
    const notice: Notice = { id: randomUUID(), level, message, at: this.now().toISOString() }
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
