/**
 * The selected note in full: its quote, what the analyst writes about it (saved as they
 * pause and when they leave the field), its tags, when it was made, and delete.
 */
import { useEffect, useRef, useState } from 'react'
import type { Note } from '../../../shared/domain/note'
import type { Tag } from '../../../shared/tags/tags'
import { formatDateTime } from '../format'
import { TagChip } from './TagChip'
import { TagPicker } from './TagPicker'

const SAVE_AFTER_PAUSE_MS = 600

export interface NoteEditorProps {
  note: Note
  orphaned: boolean
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  onSaveText: (note: Note, text: string) => Promise<boolean>
  onAddTag: (note: Note, tagId: string) => void
  onRemoveTag: (note: Note, tagId: string) => void
  onCreateTag: (note: Note, path: string) => void
  onDelete: (note: Note) => void
  /** Where the keyboard goes when the note opens: after N the text, after T the tag picker. */
  focus?: 'text' | 'tag' | null
}

export function NoteEditor(props: NoteEditorProps): React.JSX.Element {
  const { note } = props
  const [text, setText] = useState(note.text)
  const [status, setStatus] = useState<'saved' | 'editing' | 'saving'>('saved')
  const saved = useRef(note.text)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const save = async (value: string): Promise<void> => {
    clearTimeout(timer.current)
    if (value === saved.current) {
      setStatus('saved')
      return
    }
    setStatus('saving')
    if (await props.onSaveText(note, value)) saved.current = value
    setStatus(value === saved.current ? 'saved' : 'editing')
  }

  useEffect(() => () => clearTimeout(timer.current), [])

  // An undo or redo changes the text from outside; show it unless the analyst is typing.
  useEffect(() => {
    if (status !== 'saved' || note.text === saved.current) return
    saved.current = note.text
    setText(note.text)
  }, [note.text, status])

  const byId = new Map(props.tags.map((tag) => [tag.id, tag]))
  const noteTags = note.tagIds.flatMap((id) => byId.get(id) ?? [])
  return (
    <section className="note-detail" aria-label="Selected note">
      <blockquote className="note-detail__quote">{note.anchor.quote.exact}</blockquote>
      <div className="field">
        <div className="note-detail__label-row">
          <label className="field__label" htmlFor={`note-text-${note.id}`}>
            Note
          </label>
          <span className="note-detail__status" aria-live="polite">
            {status === 'saved' ? 'Saved' : status === 'saving' ? 'Saving…' : ''}
          </span>
        </div>
        <textarea
          id={`note-text-${note.id}`}
          autoFocus={props.focus === 'text'}
          className="input note-detail__text"
          rows={4}
          placeholder="Why this passage matters…"
          value={text}
          onChange={(event) => {
            const value = event.target.value
            setText(value)
            setStatus('editing')
            clearTimeout(timer.current)
            timer.current = setTimeout(() => void save(value), SAVE_AFTER_PAUSE_MS)
          }}
          onBlur={() => void save(text)}
        />
      </div>
      <div className="note-detail__tags" role="group" aria-label="Tags of this note">
        {noteTags.map((tag) => (
          <TagChip key={tag.id} tag={tag} onRemove={() => props.onRemoveTag(note, tag.id)} />
        ))}
      </div>
      <TagPicker
        tags={props.tags}
        excludeIds={note.tagIds}
        recentIds={props.recentTagIds}
        autoFocus={props.focus === 'tag'}
        onApply={(tag) => props.onAddTag(note, tag.id)}
        onCreate={(path) => props.onCreateTag(note, path)}
      />
      <p className="note-detail__meta">
        Created <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
        {props.orphaned && <span className="badge badge--warning">Text not found</span>}
      </p>
      <div className="note-detail__actions">
        <button type="button" className="button button--danger" onClick={() => props.onDelete(note)}>
          Delete note
        </button>
      </div>
    </section>
  )
}
