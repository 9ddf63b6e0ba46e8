import { describe, expect, it } from 'vitest'
import { createMessages, INFO_MS, INFO_WITH_ACTION_MS } from './messages'

function withManualTimers() {
  const timers: { run: () => void; ms: number }[] = []
  const messages = createMessages((run, ms) => void timers.push({ run, ms }))
  const texts = () => messages.store.get().messages.map((message) => message.text)
  return { messages, timers, texts }
}

describe('createMessages', () => {
  it('lets an outcome fade after a while, longer when it offers Undo', () => {
    const { messages, timers, texts } = withManualTimers()
    messages.show({ level: 'info', text: 'Note deleted.', action: { label: 'Undo', run: () => {} } })
    messages.show({ level: 'info', text: 'Exported.' })
    expect(timers.map((timer) => timer.ms)).toEqual([INFO_WITH_ACTION_MS, INFO_MS])
    timers[1]!.run()
    expect(texts()).toEqual(['Note deleted.'])
  })

  it('keeps errors until dismissed, and only the two latest outcomes', () => {
    const { messages, timers, texts } = withManualTimers()
    const error = messages.show({ level: 'error', text: 'Disk full.' })
    messages.show({ level: 'info', text: 'First.' })
    messages.show({ level: 'info', text: 'Second.' })
    messages.show({ level: 'info', text: 'Third.' })
    expect(texts()).toEqual(['Disk full.', 'Second.', 'Third.'])
    expect(timers).toHaveLength(3)
    messages.dismiss(error)
    expect(texts()).toEqual(['Second.', 'Third.'])
  })

  it('keeps a notice from the services until it is dismissed', () => {
    const { messages, timers } = withManualTimers()
    messages.show({ level: 'info', text: 'Recovered library.json.', noticeId: 'n1' })
    expect(timers).toEqual([])
  })

  it('keeps at most five problems on screen', () => {
    const { messages, texts } = withManualTimers()
    for (const n of [1, 2, 3, 4, 5, 6]) messages.show({ level: 'warning', text: `W${n}` })
    expect(texts()).toEqual(['W2', 'W3', 'W4', 'W5', 'W6'])
  })
})
