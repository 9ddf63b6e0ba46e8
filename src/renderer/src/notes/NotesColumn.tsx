/** The notes panel of the reading view, fed from the session: the open article's notes and what can be done to them. */
import { useMemo } from 'react'
import type { ArticleNote, Note } from '../../../shared/domain/note'
import { useApp, useSession } from '../app/AppContext'
import { KEYMAP } from '../app/keymap'
import { useStore } from '../lib/store'
import type { ArticleNoteActionProps } from './ArticleNotesSection'
import { useNoteFilter } from './noteFilter'
import { NotesPanel, type HighlightKeys } from './NotesPanel'
import { useAnchoredNotes } from './useAnchoredNotes'

/** The key of a shortcut as the keymap declares it, so the empty state never teaches a stale one. */
function keyOf(id: string): string {
  return KEYMAP.find((shortcut) => shortcut.id === id)?.chords[0]?.key.toUpperCase() ?? ''
}

const HIGHLIGHT_KEYS: HighlightKeys = {
  highlight: keyOf('highlight'),
  note: keyOf('highlight-note'),
  tag: keyOf('highlight-tag'),
  articleNote: keyOf('article-note')
}

const NO_ARTICLE_NOTES: readonly ArticleNote[] = []

export function NotesColumn(): React.JSX.Element {
  const { session, notes: actions, editing, articleNotes: articleNoteActions } = useApp()
  const { store } = session
  const { panelNotes, plainText } = useAnchoredNotes()
  const tags = useSession((state) => state.tags)
  const recentTagIds = useSession((state) => state.recentTagIds)
  const pinnedTagIds = useSession((state) => state.pinnedTagIds)
  const reattachingId = useSession((state) => state.reattachingId)
  const selectedNoteId = useSession((state) => state.selectedNoteId)
  const focusField = useSession((state) => state.focusField)
  const articleId = useSession((state) => state.article?.meta.id ?? null)
  const { tagPath, hiddenNoteIds } = useNoteFilter()
  // Until the open article's own list is in, none: never another article's.
  const articleNotes = useStore(articleNoteActions.store, (state) =>
    state.articleId === articleId ? state.notes : NO_ARTICLE_NOTES
  )
  const openArticleNotes = articleId ? articleNotes : null
  const articleNoteProps = useMemo(
    (): ArticleNoteActionProps => ({
      onAdd: () => void articleNoteActions.create(),
      onSelect: (noteId: string) => store.set({ selectedNoteId: noteId }),
      onClose: () => store.set({ selectedNoteId: null }),
      onFocusUsed: actions.focusUsed,
      onSave: articleNoteActions.saveText,
      onAddTag: (note: ArticleNote, tagId: string) => void articleNoteActions.addTag(note, tagId),
      onRemoveTag: (note: ArticleNote, tagId: string) => void articleNoteActions.removeTag(note, tagId),
      onCreateTag: (note: ArticleNote, path: string) => void articleNoteActions.createTag(note, path),
      onDelete: (note: ArticleNote) => void articleNoteActions.delete(note)
    }),
    [articleNoteActions, actions, store]
  )

  // Made once per text: the panel re-renders only when what it shows changes, not on every keypress.
  const panelActions = useMemo(
    () => ({
      onReattach: (note: Note) => {
        void editing.finish()
        store.set({ reattachingId: note.id })
      },
      onAcceptMoved: (note: Note, range: { start: number; end: number }) =>
        void actions.reattachNote(note, range, plainText.slice(range.start, range.end)),
      onColor: (note: Note, color: string | null) => void actions.setNoteColor(note, color),
      onAddTag: (note: Note, tagId: string) => void actions.addNoteTag(note, tagId),
      onRemoveTag: (note: Note, tagId: string) => void actions.removeNoteTag(note, tagId),
      onCreateTag: (note: Note, path: string) => void actions.createTagForNote(note, path),
      onDelete: (note: Note) => void actions.deleteNote(note),
      onSaveText: actions.saveNoteText,
      onFocusUsed: actions.focusUsed,
      onSelect: session.showNote,
      onFilter: (tagPath: string) => store.set({ notesTagFilter: articleId && tagPath ? { articleId, tagPath } : null })
    }),
    [actions, editing, store, session, plainText, articleId]
  )

  return (
    <NotesPanel
      notes={panelNotes}
      articleNotes={openArticleNotes}
      articleNoteActions={articleNoteProps}
      plainText={plainText}
      tags={tags}
      recentTagIds={recentTagIds}
      pinnedTagIds={pinnedTagIds}
      reattachingId={reattachingId}
      selectedNoteId={selectedNoteId}
      focusField={focusField}
      filterPath={tagPath}
      hiddenNoteIds={hiddenNoteIds}
      highlightKeys={HIGHLIGHT_KEYS}
      {...panelActions}
    />
  )
}
