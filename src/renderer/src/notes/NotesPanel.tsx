/**
 * The notes column for the open article: every note in document order with its tags and
 * text, a filter by tag (a parent tag includes its children), and the selected note in full.
 */
import { memo, useMemo, useState } from 'react'
import type { TextRange } from '../../../shared/anchoring/selectors'
import type { Note } from '../../../shared/domain/note'
import { highlightedQuote } from '../../../shared/notes/anchorState'
import { buildTagTree, tagIdsUnder, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { formatCount } from '../lib/format'
import { NoteEditor, type NoteEditorProps } from './NoteEditor'
import type { FocusField } from '../app/session'
import { NoteText } from './NoteText'
import { TagChip } from '../tags'

export interface PanelNote {
  note: Note
  state: 'anchored' | 'moved' | 'orphaned'
  /** Where the note sits in the article's plain text now; null for an orphan. */
  range: TextRange | null
}

type EditorActions = Pick<
  NoteEditorProps,
  'onSaveText' | 'onAddTag' | 'onRemoveTag' | 'onCreateTag' | 'onDelete' | 'onReattach' | 'onColor'
>

const STATE_LABEL = { moved: 'Passage changed', orphaned: 'Orphaned' } as const

function flattenTree(nodes: readonly TagTreeNode[], depth = 0): { node: TagTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)])
}

export const NotesPanel = memo(function NotesPanel({
  notes,
  plainText,
  tags,
  recentTagIds,
  pinnedTagIds,
  reattachingId,
  selectedNoteId,
  focusField,
  onFocusUsed,
  onSelect,
  onAcceptMoved,
  ...actions
}: {
  notes: readonly PanelNote[]
  /** The open article's text: what moved notes now cover is read from it. */
  plainText: string
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  reattachingId: string | null
  selectedNoteId: string | null
  focusField: FocusField
  onFocusUsed: () => void
  onSelect: (noteId: string) => void
  onAcceptMoved: (note: Note, range: TextRange) => void
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
  // Orphans have no place in the text, so they are listed apart, first, where they cannot be missed.
  const orphans = visible.filter(({ state }) => state === 'orphaned')
  const placed = visible.filter(({ state }) => state !== 'orphaned')
  const renderItem = ({ note, state, range }: PanelNote): React.JSX.Element => (
    <li key={note.id}>
      <button
        type="button"
        className="notes-list__item"
        aria-current={note.id === selectedNoteId ? 'true' : undefined}
        data-state={state}
        data-reattaching={note.id === reattachingId ? 'true' : undefined}
        onClick={() => onSelect(note.id)}
      >
        {state !== 'anchored' && (
          <span className={`badge badge--${state === 'orphaned' ? 'warning' : 'notice'}`}>{STATE_LABEL[state]}</span>
        )}
        <span className="notes-list__quote">
          {state === 'moved' && range ? plainText.slice(range.start, range.end) : highlightedQuote(note)}
        </span>
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
  )

  return (
    <aside className="notes-panel" aria-label="Notes">
      <h2 className="panel-heading">
        Notes <span className="panel-heading__count">{formatCount(notes.length, 'note', 'notes')}</span>
      </h2>
      {selected && (
        <NoteEditor
          key={selected.note.id}
          note={selected.note}
          state={selected.state}
          currentQuote={
            selected.state === 'moved' && selected.range
              ? plainText.slice(selected.range.start, selected.range.end)
              : null
          }
          onAcceptMoved={(note) => selected.range && onAcceptMoved(note, selected.range)}
          tags={tags}
          recentTagIds={recentTagIds}
          pinnedTagIds={pinnedTagIds}
          focus={focusField?.noteId === selected.note.id ? focusField.field : null}
          onFocusUsed={onFocusUsed}
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
        <>
          {orphans.length > 0 && (
            <section className="notes-panel__orphans" aria-label="Orphaned notes">
              <h3 className="notes-panel__subheading">
                {formatCount(orphans.length, 'orphaned note', 'orphaned notes')}: passage no longer found
              </h3>
              <ol className="notes-list">{orphans.map(renderItem)}</ol>
            </section>
          )}
          <ol className="notes-list" aria-label="Notes in this article">
            {placed.map(renderItem)}
          </ol>
        </>
      )}
    </aside>
  )
})
