// @vitest-environment jsdom
// useServiceNotices with a service whose notices change over time: each notice shown once
// however often the list is read, read again every five seconds only while the window is
// visible, and no more once the component is gone.
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Notice } from '../../../shared/domain/notices'
import type { Message } from '../app/MessageBar'
import { apiWith } from '../lib/testing/fakeApi'
import { useServiceNotices } from './useServiceNotices'

function notice(id: string, message: string, extra: Partial<Notice> = {}): Notice {
  return { id, level: 'warning', message, at: '2026-02-01T09:00:00.000Z', ...extra }
}

/** A service holding a list of notices the test posts to, counting how often it is read. */
function noticeService() {
  const posted: Notice[] = []
  let reads = 0
  const api = apiWith({
    listNotices: async () => {
      reads++
      return { ok: true, value: [...posted] }
    }
  })
  return { api, post: (item: Notice) => posted.push(item), reads: () => reads }
}

function renderNotices(service: ReturnType<typeof noticeService>) {
  const shown: Omit<Message, 'id'>[] = []
  const show = (message: Omit<Message, 'id'>) => (shown.push(message), `message-${shown.length}`)
  const hook = renderHook(() => useServiceNotices(service.api, show))
  return { hook, shown }
}

let visibility: DocumentVisibilityState = 'visible'

beforeEach(() => {
  vi.useFakeTimers()
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** Lets `ms` of polling go by, and the reads it started answer. */
async function wait(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })
}

describe('useServiceNotices', () => {
  it('shows each notice of a list once, and never a lasting one (the banner shows it)', () => {
    const { hook, shown } = renderNotices(noticeService())
    const restored = notice('n1', 'library.json could not be read; the last good copy is back.')
    act(() => hook.result.current([restored, notice('n2', 'Dossier is read-only.', { lasting: true, level: 'error' })]))
    act(() => hook.result.current([restored, notice('n3', 'A tag change was completed.', { level: 'info' })]))
    expect(shown).toEqual([
      { level: 'warning', text: 'library.json could not be read; the last good copy is back.', noticeId: 'n1' },
      { level: 'info', text: 'A tag change was completed.', noticeId: 'n3' }
    ])
  })

  it('reads the notices again every five seconds and shows those posted since', async () => {
    const service = noticeService()
    const { hook, shown } = renderNotices(service)
    act(() => hook.result.current([]))
    service.post(notice('n1', 'The notes of « Rabat » were restored.'))
    await wait(4_999)
    expect(service.reads()).toBe(0)
    await wait(1)
    expect(service.reads()).toBe(1)
    await wait(5_000)
    expect(service.reads()).toBe(2)
    expect(shown).toEqual([{ level: 'warning', text: 'The notes of « Rabat » were restored.', noticeId: 'n1' }])
  })

  it('does not read while the window is hidden, and catches up once it is visible', async () => {
    const service = noticeService()
    const { shown } = renderNotices(service)
    visibility = 'hidden'
    service.post(notice('n1', 'A backup was restored.'))
    await wait(15_000)
    expect(service.reads()).toBe(0)
    expect(shown).toEqual([])
    visibility = 'visible'
    await wait(5_000)
    expect(service.reads()).toBe(1)
    expect(shown).toEqual([{ level: 'warning', text: 'A backup was restored.', noticeId: 'n1' }])
  })

  it('stops reading once the component is gone', async () => {
    const service = noticeService()
    const { hook } = renderNotices(service)
    hook.unmount()
    await wait(20_000)
    expect(service.reads()).toBe(0)
  })
})
