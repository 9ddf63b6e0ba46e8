import { describe, expect, it } from 'vitest'
import { describeRange } from '../../../shared/anchoring'
import type { ApiClient } from '../../../shared/api/contract'
import type { OpenedArticle } from '../../../shared/domain/article'
import type { Note } from '../../../shared/domain/note'
import { dispatchKey } from '../lib/shortcuts'
import type { AppServices } from './AppContext'
import { KEYMAP } from './keymap'
import { createMessages } from './messages'
import { createSession } from './session'
import { press } from '../lib/testing/keyPress'

const TEXT = 'Le ministre a parlé devant la commission, puis la commission a voté.'

const article: OpenedArticle = {
  meta: {
    id: 'article',
    title: 'Vote',
    outlet: null,
    author: null,
    publishedAt: null,
    sourceUrl: null,
    language: 'fr',
    importedAt: '2025-03-03T09:00:00.000Z',
    sourceFile: null,
    wordCount: 12,
    charCount: TEXT.length
  },
  body: { articleId: 'article', blocks: [{ type: 'paragraph', text: TEXT }] }
}

function noteOn(id: string, passage: string): Note {
  const start = TEXT.indexOf(passage)
  return {
    id,
    articleId: 'article',
    anchor: describeRange(TEXT, { start, end: start + passage.length }),
    text: '',
    tagIds: [],
    color: null,
    createdAt: '2025-03-03T09:00:00.000Z',
    updatedAt: '2025-03-03T09:00:00.000Z'
  }
}

/** A session with no reading pane and an API that must not be called. */
function services(): AppServices {
  const session = createSession(
    {} as ApiClient,
    'browser',
    createMessages(() => {})
  )
  // Listed out of document order: J and K go by position in the text, not by list order.
  session.store.set({
    article,
    notes: [noteOn('vote', 'a voté'), noteOn('minister', 'ministre'), noteOn('commission', 'commission')]
  })
  return { session } as AppServices
}

describe('KEYMAP', () => {
  it('names every shortcut once, with a label and keys', () => {
    const ids = KEYMAP.map((shortcut) => shortcut.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const shortcut of KEYMAP) {
      expect(shortcut.label.length).toBeGreaterThan(0)
      expect(shortcut.chords.length).toBeGreaterThan(0)
    }
  })

  it('lists the keys the README promises', () => {
    const keys = KEYMAP.flatMap((shortcut) => shortcut.chords.map((chord) => `${chord.mod ? 'mod+' : ''}${chord.key}`))
    expect(keys).toEqual(
      expect.arrayContaining(['mod+k', '/', 'mod+z', 'mod+y', '?', 'h', 'n', 't', 'j', 'k', 'Enter', 'Escape'])
    )
  })

  it('J walks the highlights in text order from the first, K back, stopping at the ends', () => {
    const app = services()
    const selected = () => app.session.store.get().selectedNoteId
    expect(dispatchKey(KEYMAP, press('j'), app)).toBe(true)
    expect(selected()).toBe('minister')
    dispatchKey(KEYMAP, press('j'), app)
    expect(selected()).toBe('commission')
    dispatchKey(KEYMAP, press('j'), app)
    dispatchKey(KEYMAP, press('j'), app)
    expect(selected()).toBe('vote')
    dispatchKey(KEYMAP, press('k'), app)
    expect(selected()).toBe('commission')
  })

  it('K with nothing selected starts from the last highlight', () => {
    const app = services()
    dispatchKey(KEYMAP, press('K', { shiftKey: true }), app)
    expect(app.session.store.get().selectedNoteId).toBe('vote')
  })

  it('J leaves the key alone while typing in a field', () => {
    const app = services()
    expect(dispatchKey(KEYMAP, press('j', { inTextField: true }), app)).toBe(false)
    expect(app.session.store.get().selectedNoteId).toBeNull()
  })

  it('Ctrl+, (Cmd+, on a Mac) opens the settings, even from a field; a comma alone is typed', () => {
    const app = services()
    const showing = () => app.session.store.get().showingSettings
    expect(dispatchKey(KEYMAP, press(','), app)).toBe(false)
    expect(showing()).toBe(false)
    expect(dispatchKey(KEYMAP, press(',', { metaKey: true, inTextField: true }), app)).toBe(true)
    expect(showing()).toBe(true)
  })

  it('Ctrl+K opens search even from a field; / only outside fields', () => {
    const app = services()
    const searching = () => app.session.store.get().searching
    expect(dispatchKey(KEYMAP, press('/', { inTextField: true }), app)).toBe(false)
    expect(searching()).toBe(false)
    expect(dispatchKey(KEYMAP, press('k', { ctrlKey: true, inTextField: true }), app)).toBe(true)
    expect(searching()).toBe(true)
  })

  it('? opens the list of shortcuts and closes it again', () => {
    const app = services()
    dispatchKey(KEYMAP, press('?', { shiftKey: true }), app)
    expect(app.session.store.get().showingShortcuts).toBe(true)
    dispatchKey(KEYMAP, press('?', { shiftKey: true }), app)
    expect(app.session.store.get().showingShortcuts).toBe(false)
  })

  it('Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it', async () => {
    const app = services()
    let color = 'blue'
    app.session.history.record({
      label: 'note colour',
      undo: async () => void (color = 'red'),
      redo: async () => void (color = 'blue')
    })
    expect(dispatchKey(KEYMAP, press('z', { ctrlKey: true }), app)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(color).toBe('red')
    expect(dispatchKey(KEYMAP, press('Z', { metaKey: true, shiftKey: true }), app)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(color).toBe('blue')
  })

  it('H does nothing, and keeps its key, when no reading pane answers', () => {
    expect(dispatchKey(KEYMAP, press('h'), services())).toBe(false)
  })

  it('Escape stops re-attaching but leaves the key to dialogs', () => {
    const app = services()
    app.session.store.set({ reattachingId: 'minister' })
    expect(dispatchKey(KEYMAP, press('Escape'), app)).toBe(false)
    expect(app.session.store.get().reattachingId).toBeNull()
  })
})
