/**
 * One context for what every screen needs: the API client, the way to tell the user
 * something, the undo history, the session's state and the actions of each feature. It
 * replaces the `api`/`take`/`show`/`recordUndo` props that were written out by hand for
 * each component; a component takes from it only what it uses.
 */
import { createContext, useContext } from 'react'
import { useStore } from '../lib/store'
import type { LibraryActions } from '../library/libraryActions'
import type { ArticleNoteActions } from '../notes/articleNoteActions'
import type { NoteActions } from '../notes/noteActions'
import type { ArticleEditing } from '../reader/articleEditing'
import type { TagActions } from '../tags/tagActions'
import type { Session, SessionState } from './session'

export interface AppServices {
  session: Session
  notes: NoteActions
  /** Notes on the whole article: the open article's list and what is done to them. */
  articleNotes: ArticleNoteActions
  tags: TagActions
  library: LibraryActions
  editing: ArticleEditing
}

export const AppContext = createContext<AppServices | null>(null)

export function useApp(): AppServices {
  const services = useContext(AppContext)
  if (!services) throw new Error('useApp() is used outside <AppContext.Provider>')
  return services
}

/** The part of the session's state a component shows; it re-renders only when that changes. */
export function useSession<T>(select: (state: SessionState) => T): T {
  return useStore(useApp().session.store, select)
}
