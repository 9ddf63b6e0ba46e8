/**
 * Notices from the services (a damaged file set aside, a backup restored) can be posted at
 * any time: during start-up after the interface already asked, or when a file is first
 * opened. The interface asks again now and then; this remembers which notices it has shown,
 * so each one appears once, however often the list is read.
 */
import type { Notice } from '../../../shared/domain/notices'

export class NoticeFollower {
  private readonly shown = new Set<string>()

  /**
   * The notices of `list` not shown yet, in their order; they count as shown from now on.
   * A lasting notice (read-only mode) is not a message: the banner shows it (ReadOnlyBanner).
   */
  fresh(list: readonly Notice[]): Notice[] {
    const unseen = list.filter((notice) => !notice.lasting && !this.shown.has(notice.id))
    for (const notice of unseen) this.shown.add(notice.id)
    return unseen
  }
}
