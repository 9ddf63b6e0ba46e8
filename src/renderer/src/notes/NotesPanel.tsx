/**
 * The notes column for the open article: every note in document order with its tags and
 * text, a filter by tag (a parent tag includes its children), and the selected note in full.
 */
import { memo, useMemo } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { TextRange } from '../../../shared/anchoring/selectors'
import type { ArticleNote, Note } from '../../../shared/domain/note'
import { buildTagTree, tagIdsUnder, type Tag, type TagTreeNode } from '../../../shared/tags/tags'
import { ArticleNotesSection, type ArticleNoteActionProps } from './ArticleNotesSection'
import { NoteEditor, type NoteEditorProps } from './NoteEditor'
import type { FocusField } from '../app/session'
import { NoteListItem, quoteOf } from './NoteListItem'

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

/** The keys the empty state teaches, as the keymap has them. */
export interface HighlightKeys {
  highlight: string
  note: string
  tag: string
  /** Adds a note on the whole article. */
  articleNote: string
}

function flattenTree(nodes: readonly TagTreeNode[], depth = 0): { node: TagTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)])
}

const NO_IDS: ReadonlySet<string> = new Set()

export const NotesPanel = memo(function NotesPanel({
  notes,
  articleNotes,
  articleNoteActions,
  plainText,
  tags,
  recentTagIds,
  pinnedTagIds,
  reattachingId,
  selectedNoteId,
  focusField,
  filterPath,
  hiddenNoteIds,
  highlightKeys,
  onFilter,
  onFocusUsed,
  onSelect,
  onAcceptMoved,
  ...actions
}: {
  notes: readonly PanelNote[]
  /** Notes on the whole article, shown first (null: no article is open), and what can be done to them (made once). */
  articleNotes: readonly ArticleNote[] | null
  articleNoteActions: ArticleNoteActionProps
  /** The open article's text: what moved notes now cover is read from it. */
  plainText: string
  tags: readonly Tag[]
  recentTagIds: readonly string[]
  pinnedTagIds: readonly string[]
  reattachingId: string | null
  selectedNoteId: string | null
  focusField: FocusField
  /** The tag path the list is filtered by ('' for all), and the notes that filter leaves out. */
  filterPath: string
  hiddenNoteIds: ReadonlySet<string>
  highlightKeys: HighlightKeys
  onFilter: (tagPath: string) => void
  onFocusUsed: () => void
  onSelect: (noteId: string) => void
  onAcceptMoved: (note: Note, range: TextRange) => void
} & EditorActions): React.JSX.Element {
  const { t } = useTranslation('notes')
  const tree = useMemo(
    () =>
      flattenTree(
        buildTagTree(tags, [
          ...(articleNotes ?? []).map((note) => note.tagIds),
          ...notes.map(({ note }) => note.tagIds)
        ])
      ).filter(({ node }) => node.totalCount > 0),
    [tags, notes, articleNotes]
  )
  const hiddenArticleNoteIds = useMemo(() => {
    if (!filterPath || !articleNotes) return NO_IDS
    const wanted = tagIdsUnder(tags, filterPath)
    return new Set(articleNotes.filter((note) => !note.tagIds.some((id) => wanted.has(id))).map((note) => note.id))
  }, [tags, filterPath, articleNotes])
  const visible = useMemo(
    () => (hiddenNoteIds.size === 0 ? notes : notes.filter(({ note }) => !hiddenNoteIds.has(note.id))),
    [notes, hiddenNoteIds]
  )
  const byId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags])
  const selected = notes.find((entry) => entry.note.id === selectedNoteId) ?? null
  // Orphans have no place in the text, so they are listed apart, first, where they cannot be missed.
  const orphans = visible.filter(({ state }) => state === 'orphaned')
  const placed = visible.filter(({ state }) => state !== 'orphaned')
  const renderItem = (entry: PanelNote): React.JSX.Element => (
    <NoteListItem
      key={entry.note.id}
      entry={entry}
      quote={quoteOf(entry, plainText)}
      tagsById={byId}
      selected={entry.note.id === selectedNoteId}
      reattaching={entry.note.id === reattachingId}
      onSelect={onSelect}
    />
  )

  return (
    <aside className="notes-panel" aria-label={t('panel.label')}>
      <h2 className="panel-heading">
        {t('panel.heading')} <span className="panel-heading__count">{t('panel.count', { count: notes.length })}</span>
      </h2>
      {articleNotes && (
        <ArticleNotesSection
          notes={articleNotes}
          hiddenIds={hiddenArticleNoteIds}
          tags={tags}
          recentTagIds={recentTagIds}
          pinnedTagIds={pinnedTagIds}
          selectedNoteId={selectedNoteId}
          focusField={focusField}
          addKey={highlightKeys.articleNote}
          actions={articleNoteActions}
        />
      )}
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
          {t('panel.filterShow')}
          <select
            className="input"
            aria-label={t('panel.filterLabel')}
            value={filterPath}
            onChange={(event) => onFilter(event.target.value)}
          >
            <option value="">{t('panel.filterAll')}</option>
            {tree.map(({ node, depth }) => (
              <option key={node.path} value={node.path} title={node.path}>
                {'\u2003'.repeat(depth) + t('panel.filterOption', { name: node.name, count: node.totalCount })}
              </option>
            ))}
          </select>
        </label>
      )}
      {notes.length === 0 ? (
        <EmptyNotes keys={highlightKeys} />
      ) : (
        <>
          {orphans.length > 0 && (
            <section className="notes-panel__orphans" aria-label={t('panel.orphansLabel')}>
              <h3 className="notes-panel__subheading">{t('panel.orphansHeading', { count: orphans.length })}</h3>
              <ol className="notes-list">{orphans.map(renderItem)}</ol>
            </section>
          )}
          {visible.length === 0 && <p className="empty-state">{t('panel.noneForFilter')}</p>}
          <ol className="notes-list" aria-label={t('panel.listLabel')}>
            {placed.map(renderItem)}
          </ol>
        </>
      )}
    </aside>
  )
})

/** What the panel says before the article has a note: how to make one, with the keys that do it. */
function EmptyNotes({ keys }: { keys: HighlightKeys }): React.JSX.Element {
  const { t } = useTranslation('notes')
  const kbd = { kbd: <kbd /> }
  return (
    <div className="empty-state notes-panel__empty" role="note">
      <p className="notes-panel__empty-title">{t('empty.title')}</p>
      <p>
        <Trans t={t} i18nKey="empty.select" components={kbd} />
      </p>
      <p>
        <Trans t={t} i18nKey="empty.keys" components={kbd} values={keys} />
      </p>
      <p>
        <Trans t={t} i18nKey="empty.more" components={kbd} />
      </p>
    </div>
  )
}
