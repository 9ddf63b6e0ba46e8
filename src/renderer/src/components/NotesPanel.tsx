/**
 * The notes column for the open article: every note in document order with its tags and
 * text, a filter by tag (a parent tag includes its children), and the selected note in full.
 */
import { useMemo, useState } from 'react'
import type { TextRange } from '../../../shared/anchoring/selectors'
import type { Note } from '../../../shared/domain/note'
import { buildTagTree, tagIdsUnder, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { formatCount } from '../format'
import { NoteEditor, type NoteEditorProps } from './NoteEditor'
import type { FocusField } from '../notes/useNoteActions'
import { NoteText } from './NoteText'
import { TagChip } from './TagChip'

export interface PanelNote {
  note: Note
  state: 'anchored' | 'moved' | 'orphaned'
  /** Where the note sits in the article's plain text now; null for an orphan. */
  range: TextRange | null
}

type EditorActions = Pick<NoteEditorProps, 'onSaveText' | 'onAddTag' | 'onRemoveTag' | 'onCreateTag' | 'onDelete'>

function flattenTree(nodes: readonly TagTreeNode[], depth = 0): { node: TagTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)])
}

export function NotesPanel({
  notes,
  tags,
  recentTagIds,
  selectedNoteId,
  focusField,
  onSelect,
  ...actions
}: {
  notes: readonly PanelNote[]
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  selectedNoteId: string | null
  focusField: FocusField
  onSelect: (noteId: string) => void
} & EditorActions): React.JSX.Element {
  const [filterPath, setFilterPath] = useState('')
  const tree = useMemo(
    () =>
      flattenTree(
        buildTagTree(
          tags,
          notes.map(({ note }) => note.tagIds)
        )
      ).filter(({ node }) => node.totalCount > 0),
    [tags, notes]
  )
  const visible = useMemo(() => {
    if (!filterPath) return notes
    const wanted = tagIdsUnder(tags, filterPath)
    return notes.filter(({ note }) => note.tagIds.some((id) => wanted.has(id)))
  }, [notes, tags, filterPath])
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags])
  const selected = notes.find((entry) => entry.note.id === selectedNoteId) ?? null

  return (
    <aside className="notes-panel" aria-label="Notes">
      <h2 className="panel-heading">
        Notes <span className="panel-heading__count">{formatCount(notes.length, 'note', 'notes')}</span>
      </h2>
      {selected && (
        <NoteEditor
          key={selected.note.id}
          note={selected.note}
          orphaned={selected.state === 'orphaned'}
          tags={tags}
          recentTagIds={recentTagIds}
          focus={focusField?.noteId === selected.note.id ? focusField.field : null}
          {...actions}
        />
      )}
      {tree.length > 0 && (
        <label className="notes-panel__filter">
          Show
          <select
            className="input"
            aria-label="Filter notes by tag"
            value={filterPath}
            onChange={(event) => setFilterPath(event.target.value)}
          >
            <option value="">All notes</option>
            {tree.map(({ node, depth }) => (
              <option key={node.path} value={node.path}>
                {`${'\u2003'.repeat(depth)}${node.name} (${node.totalCount})`}
              </option>
            ))}
          </select>
        </label>
      )}
      {notes.length === 0 ? (
        <p className="empty-state">
          Select a passage in the article, then press <kbd>H</kbd> or click <strong>Highlight</strong>.
        </p>
      ) : (
        <ol className="notes-list" aria-label="Notes in this article">
          {visible.map(({ note, state }) => (
            <li key={note.id}>
              <button
                type="button"
                className="notes-list__item"
                aria-current={note.id === selectedNoteId ? 'true' : undefined}
                data-state={state}
                onClick={() => onSelect(note.id)}
              >
                <span className="notes-list__quote">{note.anchor.quote.exact}</span>
                {note.text && <NoteText className="notes-list__text" text={note.text} />}
                {note.tagIds.length > 0 && (
                  <span className="notes-list__tags">
                    {note.tagIds.flatMap((id) => {
                      const tag = byId.get(id)
                      return tag ? [<TagChip key={id} tag={tag} />] : []
                    })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
