/**
 * A note on the whole article, opened in place in the notes panel: what the analyst writes
 * (saved as they pause and when they leave the field, like a passage note), its tags with the
 * same picker, when it was made, and delete. It has no quote and no colour: nothing in the
 * text is highlighted for it.
 */
import { useEffect, useEffectEvent, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleNote } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { NoteDates } from './NoteDates'
import { NoteTags } from './NoteTags'
import { NoteTextField } from './NoteTextField'

export interface ArticleNoteHandlers {
  onSave: (note: ArticleNote, text: string) => Promise<boolean>
  onAddTag: (note: ArticleNote, tagId: string) => void
  onRemoveTag: (note: ArticleNote, tagId: string) => void
  onCreateTag: (note: ArticleNote, path: string) => void
  onDelete: (note: ArticleNote) => void
}

export function ArticleNoteEditor({
  note,
  tags,
  recentTagIds,
  pinnedTagIds,
  focus,
  onFocusUsed,
  onClose,
  ...handlers
}: {
  note: ArticleNote
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  /** Where the keyboard goes as it opens: the text for a new note. */
  focus: 'text' | 'tag' | null
  onFocusUsed: () => void
  onClose: () => void
} & ArticleNoteHandlers): React.JSX.Element {
  const { t } = useTranslation('notes')
  const editor = useRef<HTMLElement>(null)

  const opened = useEffectEvent(() => {
    // Opened from a search result or the workspace, it may be below the fold of the panel.
    editor.current?.scrollIntoView?.({ block: 'nearest' })
    if (focus) onFocusUsed()
  })
  useEffect(() => opened(), [])

  return (
    <section ref={editor} className="note-detail article-note" aria-label={t('article.editorLabel')}>
      <NoteTextField
        id={`article-note-text-${note.id}`}
        label={t('article.textLabel')}
        placeholder={t('article.placeholder')}
        rows={5}
        // Made by A or the button: keep what the analyst typed while the note was being made.
        takesFocus={focus === 'text'}
        stored={note.text}
        onSave={(value) => handlers.onSave(note, value)}
      />
      <NoteTags
        tags={tags}
        tagIds={note.tagIds}
        recentTagIds={recentTagIds}
        pinnedTagIds={pinnedTagIds}
        autoFocus={focus === 'tag'}
        onAdd={(tagId) => handlers.onAddTag(note, tagId)}
        onRemove={(tagId) => handlers.onRemoveTag(note, tagId)}
        onCreate={(path) => handlers.onCreateTag(note, path)}
      />
      <NoteDates note={note} className="note-detail__meta article-note__meta" />
      <div className="article-note__actions">
        <button type="button" className="button button--small" onClick={onClose}>
          {t('article.close')}
        </button>
        <button type="button" className="button button--small button--danger" onClick={() => handlers.onDelete(note)}>
          {t('article.delete')}
        </button>
      </div>
    </section>
  )
}
