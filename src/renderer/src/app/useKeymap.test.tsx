// @vitest-environment jsdom
// The app's one keydown listener in a real document: which key presses reach which
// shortcut, in a field or outside it, in the article text or not, and the default action
// prevented only when a shortcut applied.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppServices } from './AppContext'
import { KEYMAP, useKeymap, type AppShortcut } from './keymap'
import { sessionServices } from './testing/sessionServices'

afterEach(cleanup)

/** A page with a field, the article text and a button, listening with `table`. */
function renderPage(services: AppServices, table: readonly AppShortcut[] = KEYMAP) {
  function Page() {
    useKeymap(services, table)
    return (
      <main>
        <input aria-label="Note" />
        <div className="article-text" tabIndex={0} data-testid="article">
          <p data-testid="paragraph">Le ministre a parlé.</p>
        </div>
        <button type="button">Enregistrer</button>
      </main>
    )
  }
  return render(<Page />)
}

describe('useKeymap with the app’s keymap', () => {
  it('opens search with / outside fields, and leaves / to a field being typed in', () => {
    const services = sessionServices()
    renderPage(services)
    // fireEvent answers false when the listener prevented the key's default action.
    expect(fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: '/' })).toBe(true)
    expect(services.session.store.get().searching).toBe(false)
    expect(fireEvent.keyDown(screen.getByRole('button'), { key: '/' })).toBe(false)
    expect(services.session.store.get().searching).toBe(true)
  })

  it('opens search with Ctrl+K even from a field', () => {
    const services = sessionServices()
    renderPage(services)
    expect(fireEvent.keyDown(screen.getByRole('textbox'), { key: 'k', ctrlKey: true })).toBe(false)
    expect(services.session.store.get().searching).toBe(true)
  })

  it('toggles the shortcuts overlay with ?, never from a field', () => {
    const services = sessionServices()
    renderPage(services)
    const showing = () => services.session.store.get().showingShortcuts
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true })
    expect(showing()).toBe(true)
    fireEvent.keyDown(screen.getByRole('textbox'), { key: '?', shiftKey: true })
    expect(showing()).toBe(true)
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true })
    expect(showing()).toBe(false)
  })

  it('cancels a re-attach with Escape but lets Escape close a dialog too', () => {
    const services = sessionServices({ reattachingId: 'note-1' })
    renderPage(services)
    expect(fireEvent.keyDown(document.body, { key: 'Escape' })).toBe(true)
    expect(services.session.store.get().reattachingId).toBeNull()
  })

  it('leaves a key with Alt, or a key no shortcut has, alone', () => {
    const services = sessionServices()
    renderPage(services)
    expect(fireEvent.keyDown(document.body, { key: '/', altKey: true })).toBe(true)
    expect(fireEvent.keyDown(document.body, { key: 'q' })).toBe(true)
    expect(services.session.store.get()).toMatchObject({ searching: false, showingShortcuts: false })
  })

  it('stops listening once the page is gone', () => {
    const services = sessionServices()
    const page = renderPage(services)
    page.unmount()
    expect(fireEvent.keyDown(document.body, { key: '/' })).toBe(true)
    expect(services.session.store.get().searching).toBe(false)
  })
})

describe('useKeymap scopes', () => {
  /** A table whose commands write down what ran; `applies` says whether the first one applies. */
  function recordingTable(ran: string[], applies = true): AppShortcut[] {
    const shortcut = (id: string, scope: AppShortcut['scope'], key: string, result = true): AppShortcut => ({
      id,
      chords: [{ key }],
      scope,
      label: 'keymap.search',
      group: 'keymap.general',
      run: () => (ran.push(id), result)
    })
    return [
      shortcut('caret', 'reading-text', 'Enter', applies),
      shortcut('enter-anywhere', 'anywhere', 'Enter'),
      shortcut('highlight', 'reading', 'h'),
      shortcut('next', 'outside-fields', 'j')
    ]
  }

  it('runs reading-text shortcuts only in the article text, reading ones there and outside fields', () => {
    const ran: string[] = []
    renderPage(sessionServices(), recordingTable(ran))
    const inArticle = screen.getByTestId('paragraph')
    fireEvent.keyDown(inArticle, { key: 'Enter' })
    fireEvent.keyDown(inArticle, { key: 'h' })
    fireEvent.keyDown(inArticle, { key: 'j' })
    fireEvent.keyDown(screen.getByRole('button'), { key: 'Enter' })
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'h' })
    fireEvent.keyDown(screen.getByRole('button'), { key: 'h' })
    expect(ran).toEqual(['caret', 'highlight', 'next', 'enter-anywhere', 'highlight'])
  })

  it('tries the next shortcut for the same key when the first does not apply', () => {
    const ran: string[] = []
    renderPage(sessionServices(), recordingTable(ran, false))
    expect(fireEvent.keyDown(screen.getByTestId('article'), { key: 'Enter' })).toBe(false)
    expect(ran).toEqual(['caret', 'enter-anywhere'])
  })
})
