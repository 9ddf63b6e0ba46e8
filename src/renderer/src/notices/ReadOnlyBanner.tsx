/**
 * The banner of read-only mode: when the data folder could not be written at start-up (a full
 * disk, a read-only folder), the services post a lasting notice, and this shows it across the
 * window for the whole session. Unlike a message it cannot be dismissed: every change the user
 * tries is refused while it is there, and they must be able to see why at any moment.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiClient } from '../../../shared/api/contract'
import type { Notice } from '../../../shared/domain/notices'
import { hostMessageText } from '../lib/hostMessages'

/** The lasting notices of a list: read-only mode is decided at start-up, so one read suffices. */
export function lastingNotices(list: readonly Notice[]): Notice[] {
  return list.filter((notice) => notice.lasting)
}

export function ReadOnlyBanner({ api }: { api: ApiClient }) {
  const { t } = useTranslation('common')
  const [lasting, setLasting] = useState<Notice[]>([])
  useEffect(() => {
    let current = true
    void api.listNotices({}).then((result) => {
      if (current && result.ok) setLasting(lastingNotices(result.value))
    })
    return () => {
      current = false
    }
  }, [api])
  if (lasting.length === 0) return null
  return (
    <div className="read-only-banner" role="alert" aria-label={t('readOnly')}>
      {lasting.map((notice) => (
        <p key={notice.id} className="read-only-banner__text">
          {hostMessageText(notice)}
        </p>
      ))}
    </div>
  )
}
