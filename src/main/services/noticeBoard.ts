/**
 * Collects what the user must be told about things that happened behind their back
 * (a damaged file set aside, a backup restored), until they dismiss it.
 */
import { randomUUID } from 'node:crypto'
import type { Notice } from '../../shared/domain/notices'

export class NoticeBoard {
  private notices: Notice[] = []

  constructor(private readonly now: () => Date = () => new Date()) {}

  post(level: Notice['level'], message: string): Notice {
    const notice: Notice = { id: randomUUID(), level, message, at: this.now().toISOString() }
    this.notices.push(notice)
    return notice
  }

  list(): Notice[] {
    return [...this.notices]
  }

  dismiss(noticeId: string): boolean {
    const before = this.notices.length
    this.notices = this.notices.filter((notice) => notice.id !== noticeId)
    return this.notices.length < before
  }
}
