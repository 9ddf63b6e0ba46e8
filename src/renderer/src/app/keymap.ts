/**
 * Every keyboard shortcut of the app, declared once: its keys, where it applies, what the
 * `?` overlay calls it, and what it does. `useKeymap` (below) is the one listener that
 * dispatches them. Keys that belong to one widget (arrows in the search results, digits
 * in an empty tag field, Shift+arrows selecting in the article) stay with that widget.
 */
import { useEffect } from 'react'
import { compareSpans } from '../../../shared/notes/noteOrder'
import { isTextField } from '../lib/isTextField'
import { HIGHLIGHT_SELECTION_COMMAND, NOTES_UNDER_CARET_COMMAND } from '../lib/readerCommands'
import { dispatchKey, type KeyPress, type Shortcut } from '../lib/shortcuts'
import { anchoredNotesOf, deleteNoteUnderCaret } from '../notes'
import type enCommon from '../locales/en/common'
import type { AppServices } from './AppContext'

/** Overlay labels are keys of the common namespace's `keymap`, translated when the overlay is drawn. */
export type KeymapLabel = `keymap.${keyof (typeof enCommon)['keymap']}`
export type AppShortcut = Shortcut<AppServices, KeymapLabel>

/** J and K: the next or previous highlight in the text, from the selected one (or from an end). */
function moveThroughHighlights({ session }: AppServices, step: 1 | -1): boolean {
  const state = session.store.get()
  if (state.view !== 'reading') return false
  const ordered = [...anchoredNotesOf(state).drawnNotes].sort((a, b) => compareSpans(a.range, b.range))
  if (ordered.length === 0) return false
  const current = ordered.findIndex((note) => note.id === state.selectedNoteId)
  const next =
    current < 0 ? (step === 1 ? 0 : ordered.length - 1) : Math.min(Math.max(current + step, 0), ordered.length - 1)
  session.showNote(ordered[next]!.id)
  return true
}

/** Enter on the reading caret: the note under it; where highlights overlap, each Enter the next one. */
function showNoteUnderCaret({ session }: AppServices): boolean {
  const state = session.store.get()
  if (state.editing) return false
  let shown = false
  session.toReader(NOTES_UNDER_CARET_COMMAND, (noteIds) => {
    const known = noteIds.filter((id) => state.notes.some((note) => note.id === id))
    if (known.length === 0) return
    const next = known[(known.indexOf(state.selectedNoteId ?? '') + 1) % known.length]!
    session.store.set({ selectedNoteId: next })
    shown = true
  })
  return shown
}

/** A: a note on the whole open article, not on a passage; never while the text itself is being edited. */
function addArticleNote({ session, articleNotes }: AppServices): boolean {
  const state = session.store.get()
  if (state.view !== 'reading' || !state.article || state.editing) return false
  void articleNotes.create()
  return true
}

const highlight =
  (intent: 'highlight' | 'note' | 'tag') =>
  ({ session }: AppServices): boolean =>
    session.toReader(HIGHLIGHT_SELECTION_COMMAND, intent)

export const KEYMAP: readonly AppShortcut[] = [
  {
    id: 'search',
    chords: [{ key: 'k', mod: true }],
    scope: 'anywhere',
    label: 'keymap.search',
    group: 'keymap.general',
    run: ({ session }) => (session.store.set({ searching: true }), true)
  },
  {
    id: 'search-slash',
    chords: [{ key: '/' }],
    scope: 'outside-fields',
    label: 'keymap.search',
    group: 'keymap.general',
    run: ({ session }) => (session.store.set({ searching: true }), true)
  },
  {
    id: 'undo',
    chords: [{ key: 'z', mod: true, shift: false }],
    scope: 'outside-fields',
    label: 'keymap.undo',
    group: 'keymap.general',
    run: ({ session }) => (void session.history.step('undo'), true)
  },
  {
    id: 'redo',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true }
    ],
    scope: 'outside-fields',
    label: 'keymap.redo',
    group: 'keymap.general',
    run: ({ session }) => (void session.history.step('redo'), true)
  },
  {
    id: 'shortcuts',
    chords: [{ key: '?' }],
    scope: 'outside-fields',
    label: 'keymap.shortcuts',
    group: 'keymap.general',
    run: ({ session }) => (session.store.set(({ showingShortcuts }) => ({ showingShortcuts: !showingShortcuts })), true)
  },
  {
    id: 'settings',
    chords: [{ key: ',', mod: true }],
    scope: 'anywhere',
    label: 'keymap.settings',
    group: 'keymap.general',
    run: ({ session }) => (session.store.set({ showingSettings: true }), true)
  },
  {
    id: 'highlight',
    chords: [{ key: 'h' }],
    scope: 'reading',
    label: 'keymap.highlight',
    group: 'keymap.reading',
    run: highlight('highlight')
  },
  {
    id: 'highlight-note',
    chords: [{ key: 'n' }],
    scope: 'reading',
    label: 'keymap.highlightNote',
    group: 'keymap.reading',
    run: highlight('note')
  },
  {
    id: 'highlight-tag',
    chords: [{ key: 't' }],
    scope: 'reading',
    label: 'keymap.highlightTag',
    group: 'keymap.reading',
    run: highlight('tag')
  },
  {
    id: 'article-note',
    chords: [{ key: 'a' }],
    scope: 'reading',
    label: 'keymap.articleNote',
    group: 'keymap.reading',
    run: addArticleNote
  },
  {
    id: 'next-highlight',
    chords: [{ key: 'j' }],
    scope: 'outside-fields',
    label: 'keymap.nextHighlight',
    group: 'keymap.reading',
    run: (services) => moveThroughHighlights(services, 1)
  },
  {
    id: 'previous-highlight',
    chords: [{ key: 'k' }],
    scope: 'outside-fields',
    label: 'keymap.previousHighlight',
    group: 'keymap.reading',
    run: (services) => moveThroughHighlights(services, -1)
  },
  {
    id: 'note-under-caret',
    chords: [{ key: 'Enter' }],
    scope: 'reading-text',
    label: 'keymap.noteUnderCaret',
    group: 'keymap.reading',
    run: showNoteUnderCaret
  },
  {
    id: 'cancel-reattach',
    chords: [{ key: 'Escape' }],
    scope: 'anywhere',
    label: 'keymap.cancelReattach',
    group: 'keymap.reading',
    // Escape keeps its usual meaning too (closing a dialog), so it never counts as handled.
    run: ({ session }) => (session.store.set({ reattachingId: null }), false)
  },
  {
    id: 'delete-highlight',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    scope: 'reading',
    label: 'keymap.deleteHighlight',
    group: 'keymap.reading',
    run: deleteNoteUnderCaret
  }
]

export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    inTextField: isTextField(target),
    inReadingText: target instanceof Element && target.closest('.article-text') !== null
  }
}

/** The one keydown listener of the app. */
export function useKeymap(services: AppServices, table: readonly AppShortcut[] = KEYMAP): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (dispatchKey(table, keyPressOf(event), services)) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [services, table])
}
