/**
 * The selected note in full: its quote, what the analyst writes about it (saved as they
 * pause and when they leave the field), its tags, when it was made, and delete.
 */
import { useEffect, useEffectEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../shared/domain/note'
import { highlightedQuote } from '../../../shared/notes/anchorState'
import type { Tag } from '../../../shared/tags/tags'
import { ColorDot, NOTE_COLOR_CHOICES } from '../lib/ColorDot'
import { NoteDates } from './NoteDates'
import { NoteTags } from './NoteTags'
import { NoteTextField } from './NoteTextField'

export interface NoteEditorProps {
  note: Note
  state: 'anchored' | 'moved' | 'orphaned'
  /** The text the note covers now, when its article was edited and it moved; null otherwise. */
  currentQuote: string | null
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  /** Re-attach an orphan, or accept the passage a moved note now covers. */
  onReattach: (note: Note) => void
  onAcceptMoved: (note: Note) => void
  onColor: (note: Note, color: string | null) => void
  onSaveText: (note: Note, text: string) => Promise<boolean>
  onAddTag: (note: Note, tagId: string) => void
  onRemoveTag: (note: Note, tagId: string) => void
  onCreateTag: (note: Note, path: string) => void
  onDelete: (note: Note) => void
  /** Where the keyboard goes when the note opens: after N the text, after T the tag picker. */
  focus?: 'text' | 'tag' | null
  /** Told once the field named by `focus` has the keyboard. */
  onFocusUsed?: () => void
}

export function NoteEditor(props: NoteEditorProps): React.JSX.Element {
  const { note } = props
  const { t } = useTranslation('notes')
  const reportFocusUsed = useEffectEvent(() => {
    if (props.focus) props.onFocusUsed?.()
  })
  // Only when the note opens: that is when autoFocus acted.
  useEffect(() => reportFocusUsed(), [])

  const byId = new Map(props.tags.map((tag) => [tag.id, tag]))
  const noteTags = note.tagIds.flatMap((id) => byId.get(id) ?? [])
  return (
    <section className="note-detail" aria-label={t('editor.label')}>
      {props.state === 'moved' && props.currentQuote !== null ? (
        <div className="note-detail__moved" role="group" aria-label={t('editor.movedLabel')}>
          <p className="note-detail__moved-title">{t('editor.movedTitle')}</p>
          <p className="note-detail__moved-label">{t('editor.highlighted')}</p>
          <blockquote className="note-detail__quote note-detail__quote--old">{highlightedQuote(note)}</blockquote>
          <p className="note-detail__moved-label">{t('editor.nowReads')}</p>
          <blockquote className="note-detail__quote">{props.currentQuote}</blockquote>
          <div className="note-detail__moved-actions">
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => props.onAcceptMoved(note)}
            >
              {t('editor.keepNew')}
            </button>
            <button type="button" className="button button--small" onClick={() => props.onReattach(note)}>
              {t('editor.chooseAnother')}
            </button>
          </div>
        </div>
      ) : (
        <blockquote className="note-detail__quote">{highlightedQuote(note)}</blockquote>
      )}
      {props.state === 'orphaned' && (
        <div className="note-detail__orphan" role="group" aria-label={t('editor.orphanLabel')}>
          <p>{t('editor.orphanText')}</p>
          <button type="button" className="button button--small button--primary" onClick={() => props.onReattach(note)}>
            {t('editor.reattach')}
          </button>
        </div>
      )}
      <NoteTextField
        id={`note-text-${note.id}`}
        label={t('editor.noteLabel')}
        placeholder={t('editor.placeholder')}
        rows={4}
        // Opened by N right after a highlight: keep what the analyst already typed.
        takesFocus={props.focus === 'text'}
        stored={note.text}
        onSave={(value) => props.onSaveText(note, value)}
      />
      <NoteTags
        tags={props.tags}
        tagIds={note.tagIds}
        recentTagIds={props.recentTagIds}
        pinnedTagIds={props.pinnedTagIds}
        autoFocus={props.focus === 'tag'}
        onAdd={(tagId) => props.onAddTag(note, tagId)}
        onRemove={(tagId) => props.onRemoveTag(note, tagId)}
        onCreate={(path) => props.onCreateTag(note, path)}
      />
      <div className="note-detail__colors" role="radiogroup" aria-label={t('editor.colorGroup')}>
        <span className="field__label">{t('editor.color')}</span>
        {NOTE_COLOR_CHOICES.map(({ color, name }) => (
          <ColorDot
            key={name}
            color={color}
            role="radio"
            aria-checked={note.color === color}
            aria-label={name}
            title={noteTags.some((tag) => tag.color) ? t('editor.colorTagWins', { name }) : name}
            onClick={() => props.onColor(note, color)}
          />
        ))}
      </div>
      <NoteDates note={note} className="note-detail__meta" />
      <div className="note-detail__actions">
        <button type="button" className="button button--danger" onClick={() => props.onDelete(note)}>
          {t('editor.delete')}
        </button>
      </div>
    </section>
  )
}
