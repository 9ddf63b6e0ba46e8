// @vitest-environment jsdom
// The toasts as a person meets them: at most three, older ones counted on one line, and a toast
// the pointer or the focus is on does not fade under them.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { changeLanguage } from '../lib/i18n'
import { MessageBar } from './MessageBar'
import { createMessages, type Message } from './messages'
import { useStore } from '../lib/store'

beforeAll(() => changeLanguage('en'))
afterEach(cleanup)

function Bar({ messages }: { messages: ReturnType<typeof createMessages> }) {
  const list = useStore(messages.store, (state) => state.messages)
  return <MessageBar messages={list} onDismiss={(message: Message) => messages.dismiss(message.id)} />
}

function setup() {
  const timers: (() => void)[] = []
  const messages = createMessages((run) => void timers.push(run))
  render(<Bar messages={messages} />)
  const texts = () => [...document.querySelectorAll('.message__text')].map((text) => text.textContent)
  return { messages, timers, texts }
}

describe('MessageBar', () => {
  it('shows the three newest and says how many wait behind them', () => {
    const { messages, texts } = setup()
    act(() => {
      for (const n of [1, 2, 3, 4, 5]) messages.show({ level: 'warning', text: `Problem ${n}` })
    })
    expect(texts()).toEqual(['Problem 3', 'Problem 4', 'Problem 5'])
    expect(screen.getByText('2 more messages: they show as these go')).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss message' })[2]!)
    expect(texts()).toEqual(['Problem 2', 'Problem 3', 'Problem 4'])
    expect(screen.getByText('1 more message: it shows when one of these goes')).toBeTruthy()
  })

  it('keeps a toast the pointer is on until it leaves, then lets it go', () => {
    const { messages, timers, texts } = setup()
    let undone = 0
    act(() => {
      messages.show({ level: 'info', text: 'Tag merged.', action: { label: 'Undo', run: () => undone++ } })
    })
    const toast = screen.getByRole('status')
    fireEvent.mouseEnter(toast)
    act(() => timers[0]!())
    expect(messages.store.get().messages).toEqual([])
    expect(texts()).toEqual(['Tag merged.'])
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(undone).toBe(1)
    expect(texts()).toEqual([])
  })

  it('lets a faded toast go when the focus leaves it', () => {
    const { messages, timers, texts } = setup()
    act(() => {
      messages.show({ level: 'info', text: 'Exported.' })
    })
    fireEvent.focus(screen.getByRole('button', { name: 'Dismiss message' }))
    act(() => timers[0]!())
    expect(texts()).toEqual(['Exported.'])
    fireEvent.blur(screen.getByRole('button', { name: 'Dismiss message' }))
    expect(texts()).toEqual([])
  })
})
