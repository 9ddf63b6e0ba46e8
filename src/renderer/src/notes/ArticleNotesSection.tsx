/**
 * The top of the notes panel: notes on the whole article (a summary, an assessment, how far
 * the source can be trusted), oldest first, with the button that adds one. The selected one
 * opens in place for editing; the others show their text and tags. The panel's tag filter
 * applies to them as to passage notes.
 */
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleNote } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import type { FocusField } from '../app/session'
import { TagChip } from '../tags'
import { ArticleNoteEditor, type ArticleNoteHandlers } from './ArticleNoteEditor'
import { NoteText } from './NoteText'
import './articleNotes.css'

export interface ArticleNoteActionProps extends ArticleNoteHandlers {
  onAdd: () => void
  onSelect: (noteId: string) => void
  onClose: () => void
  onFocusUsed: () => void
}

export const ArticleNotesSection = memo(function ArticleNotesSection({
  notes,
  hiddenIds,
  tags,
  recentTagIds,
  pinnedTagIds,
  selectedNoteId,
  focusField,
  addKey,
  actions
}: {
  notes: readonly ArticleNote[]
  /** Notes the panel's tag filter leaves out. */
  hiddenIds: ReadonlySet<string>
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  selectedNoteId: string | null
  focusField: FocusField
  /** The key that adds a note from anywhere in the reading view, as the keymap has it. */
  addKey: string
  actions: ArticleNoteActionProps
}): React.JSX.Element {
  const { t } = useTranslation('notes')
  const byId = new Map(tags.map((tag) => [tag.id, tag]))
  const visible = notes.filter((note) => !hiddenIds.has(note.id) || note.id === selectedNoteId)
  return (
    <section className="article-notes" aria-label={t('article.heading')}>
      <div className="article-notes__head">
        <h3 className="article-notes__heading">
          {t('article.heading')}{' '}
          {notes.length > 0 && (
            <span className="panel-heading__count">{t('panel.count', { count: notes.length })}</span>
          )}
        </h3>
        <button
          type="button"
          className="button button--small article-notes__add"
          aria-keyshortcuts={addKey}
          title={t('article.addTitle', { key: addKey })}
          onClick={actions.onAdd}
        >
          {t('article.add')}
        </button>
      </div>
      {notes.length === 0 ? (
        <p className="article-notes__empty">{t('article.empty', { key: addKey })}</p>
      ) : visible.length === 0 ? (
        <p className="article-notes__empty">{t('article.noneForFilter')}</p>
      ) : (
        <ol className="notes-list article-notes__list" aria-label={t('article.listLabel')}>
          {visible.map((note) => (
            <li key={note.id}>
              {note.id === selectedNoteId ? (
                <ArticleNoteEditor
                  note={note}
                  tags={tags}
                  recentTagIds={recentTagIds}
                  pinnedTagIds={pinnedTagIds}
                  focus={focusField?.noteId === note.id ? focusField.field : null}
                  {...actions}
                />
              ) : (
                <button
                  type="button"
                  className="notes-list__item article-notes__item"
                  title={[note.text, note.tagIds.flatMap((id) => byId.get(id)?.path ?? []).join(', ')]
                    .filter(Boolean)
                    .join('\n')}
                  data-note-id={note.id}
                  onClick={() => actions.onSelect(note.id)}
                >
                  {note.text.trim() ? (
                    <NoteText className="article-notes__text" text={note.text} />
                  ) : (
                    <span className="article-notes__blank">{t('article.blank')}</span>
                  )}
                  {note.tagIds.length > 0 && (
                    <span className="notes-list__tags">
                      {note.tagIds.flatMap((id) => {
                        const tag = byId.get(id)
                        return tag ? [<TagChip key={id} tag={tag} />] : []
                      })}
                    </span>
                  )}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
})
