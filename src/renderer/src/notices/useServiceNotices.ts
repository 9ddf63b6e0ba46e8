/**
 * Shows the services' notices: those read with the first screen's data, then any posted
 * later, read again every NOTICE_POLL_MS while the window is visible. Polling a loopback
 * host or an IPC channel every few seconds costs nothing a person would notice.
 */
import { useCallback, useEffect, useMemo } from 'react'
import type { ApiClient } from '../../../shared/api/contract'
import type { Notice } from '../../../shared/domain/notices'
import type { Message } from '../app/MessageBar'
import { hostMessageText } from '../lib/hostMessages'
import { NoticeFollower } from './noticeFollower'

const NOTICE_POLL_MS = 5_000

export function useServiceNotices(api: ApiClient, show: (message: Omit<Message, 'id'>) => string) {
  const follower = useMemo(() => new NoticeFollower(), [])
  const showNotices = useCallback(
    (list: readonly Notice[]) => {
      for (const notice of follower.fresh(list))
        show({ level: notice.level, text: hostMessageText(notice), noticeId: notice.id })
    },
    [follower, show]
  )
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return
      void api.listNotices({}).then((result) => {
        if (result.ok) showNotices(result.value)
      })
    }, NOTICE_POLL_MS)
    return () => clearInterval(timer)
  }, [api, showNotices])
  return showNotices
}
