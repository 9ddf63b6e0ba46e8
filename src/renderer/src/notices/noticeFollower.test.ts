import { describe, expect, it } from 'vitest'
import type { Notice } from '../../../shared/domain/notices'
import { NoticeFollower } from './noticeFollower'

const notice = (id: string, message: string): Notice => ({
  id,
  level: 'warning',
  message,
  at: '2026-12-01T10:00:00.000Z'
})

describe('NoticeFollower', () => {
  it('shows each notice once: those read at start-up, then only those posted later', () => {
    const follower = new NoticeFollower()
    const restored = notice('n1', 'library.json could not be read; restored the last good copy.')
    expect(follower.fresh([restored])).toEqual([restored])
    const late = notice('n2', 'notes/a1.json could not be read; it was set aside.')
    expect(follower.fresh([restored, late])).toEqual([late])
    expect(follower.fresh([restored, late])).toEqual([])
  })

  it('a notice dismissed elsewhere and gone from the list is not shown again', () => {
    const follower = new NoticeFollower()
    follower.fresh([notice('n1', 'a'), notice('n2', 'b')])
    expect(follower.fresh([notice('n2', 'b')])).toEqual([])
  })

  it('leaves a lasting notice to the banner', () => {
    const follower = new NoticeFollower()
    const readOnly: Notice = { ...notice('n1', 'Dossier is read-only: the disk is full (/d).'), lasting: true }
    const restored = notice('n2', 'library.json could not be read; restored the last good copy.')
    expect(follower.fresh([readOnly, restored])).toEqual([restored])
  })
})
