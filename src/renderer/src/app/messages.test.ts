import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createMessages, INFO_MS, INFO_WITH_ACTION_MS, shownMessages } from './messages'

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

describe('shownMessages', () => {
  it('shows the three newest and counts the older ones waiting behind them', () => {
    const { messages, texts } = withManualTimers()
    for (const n of [1, 2, 3, 4, 5]) messages.show({ level: 'warning', text: `W${n}` })
    const { shown, waiting } = shownMessages(messages.store.get().messages)
    expect(shown.map((message) => message.text)).toEqual(['W3', 'W4', 'W5'])
    expect(waiting).toBe(2)
    expect(texts()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5'])
  })

  it('brings a waiting message back when a shown one is dismissed', () => {
    const { messages } = withManualTimers()
    const ids = [1, 2, 3, 4].map((n) => messages.show({ level: 'error', text: `E${n}` }))
    messages.dismiss(ids[3]!)
    const { shown, waiting } = shownMessages(messages.store.get().messages)
    expect(shown.map((message) => message.text)).toEqual(['E1', 'E2', 'E3'])
    expect(waiting).toBe(0)
  })

  it('never shows more than three, whatever arrives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('info', 'warning', 'error'), { maxLength: 30 }), (levels) => {
        const { messages } = withManualTimers()
        for (const level of levels) messages.show({ level, text: level })
        const all = messages.store.get().messages
        const { shown, waiting } = shownMessages(all)
        expect(shown.length).toBe(Math.min(3, all.length))
        expect(shown.length + waiting).toBe(all.length)
      })
    )
  })
})
