/**
 * Every note across the library, to review a theme regardless of article: filter by tags
 * (a parent includes its children), article, colour, anchor state, date and words; sort;
 * select many to add or remove a tag or recolour them at once (undoable), or send the
 * selection to a new briefing. The services filter and page, so a 50,000-note library
 * never reaches the interface whole.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AnchorState } from '../../../shared/anchoring/selectors'
import { emptyNotesQuery, type NotesPage, type NotesQuery, type WorkspaceNote } from '../../../shared/notes/workspace'
import { currentQuote, highlightedQuote } from '../../../shared/notes/anchorState'
import { useApp, useSession } from '../app/AppContext'
import { ArticleChoices, ColorChoices, TagChoices, toggled } from '../lib/NoteFilterChoices'
import { NoteText } from '../notes'
import { TagChip, TagPicker } from '../tags'
import { ColorDot, NOTE_COLOR_CHOICES } from '../lib/ColorDot'
import { formatCount, formatDateTime } from '../lib/format'

const PAGE_SIZE = 100
const QUERY_AFTER_PAUSE_MS = 150

const STATES: { state: AnchorState; label: string }[] = [
  { state: 'anchored', label: 'Anchored' },
  { state: 'moved', label: 'Passage changed' },
  { state: 'orphaned', label: 'Orphaned' }
]

export function NotesWorkspace({
  onOpenNote,
  onBriefingCreated
}: {
  onOpenNote: (note: WorkspaceNote) => void
  onBriefingCreated: () => void
}): React.JSX.Element {
  const { session, tags: tagActions } = useApp()
  const { api, take, show } = session
  const recordUndo = session.history.record
  const ensureTag = tagActions.ensureTag
  const tags = useSession((state) => state.tags)
  const articles = useSession((state) => state.articles)
  const [query, setQuery] = useState<NotesQuery>(() => emptyNotesQuery(PAGE_SIZE))
  const [page, setPage] = useState<NotesPage | null>(null)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState<string | null>(null)
  const byTagId = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags])

  /** Answers to earlier queries are dropped when a later one was asked. */
  const asked = useRef(0)
  const load = useCallback(
    async (next: NotesQuery, append: boolean) => {
      const ticket = ++asked.current
      const result = take(await api.queryNotes(next))
      if (!result || ticket !== asked.current) return
      setPage((current) =>
        append && current ? { total: result.total, notes: [...current.notes, ...result.notes] } : result
      )
    },
    [api, take]
  )

  useEffect(() => {
    const timer = setTimeout(() => void load({ ...query, offset: 0 }, false), QUERY_AFTER_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query, load])

  const change = (changes: Partial<NotesQuery>): void => setQuery((current) => ({ ...current, ...changes }))
  const notes = page?.notes ?? []
  const selectedNotes = notes.filter((note) => selected.has(note.id))
  const refs = selectedNotes.map((note) => ({ articleId: note.articleId, noteId: note.id }))

  const reload = useCallback(
    () => load({ ...query, offset: 0, limit: Math.max(notes.length, PAGE_SIZE) }, false),
    [load, query, notes.length]
  )

  /** One bulk change, recorded on the session's undo stack with what the notes were before. */
  const bulk = useCallback(
    async (label: string, changes: { addTagIds?: string[]; removeTagIds?: string[]; color?: string | null }) => {
      if (refs.length === 0) return
      setBusy(`Updating ${formatCount(refs.length, 'note', 'notes')}…`)
      try {
        const apply = async () => {
          const done = take(await api.bulkUpdateNotes({ notes: refs, ...changes }))
          if (!done) throw new Error('the change could not be saved')
          await reload()
          return done.before
        }
        let before = await apply().catch(() => null)
        if (!before) return
        recordUndo({
          label,
          undo: async () => {
            if (!take(await api.restoreNoteFields({ fields: before! })))
              throw new Error('the notes could not be restored')
            await reload()
          },
          redo: async () => {
            before = await apply()
          }
        })
        show({
          level: 'info',
          text: `${label[0]!.toUpperCase()}${label.slice(1)}: ${formatCount(refs.length, 'note', 'notes')}. Ctrl+Z undoes it.`
        })
      } finally {
        setBusy(null)
      }
    },
    [api, take, refs, reload, recordUndo, show]
  )

  const selectionTagIds = [...new Set(selectedNotes.flatMap((note) => note.tagIds))]

  const toBriefing = async (): Promise<void> => {
    const created = take(
      await api.createBriefing({ title: 'Sélection de notes', includedNoteIds: refs.map((ref) => ref.noteId) })
    )
    if (!created) return
    show({
      level: 'info',
      text: `Briefing “${created.frontMatter.title}” created with ${formatCount(refs.length, 'note', 'notes')}.`
    })
    onBriefingCreated()
  }

  return (
    <div className="notes-workspace">
      <aside className="notes-workspace__filters" aria-label="Filter notes">
        <h2 className="panel-heading">Filter</h2>
        <label className="field">
          <span className="field__label">Words</span>
          <input
            className="input"
            type="search"
            aria-label="Notes containing the words"
            placeholder="sécurité, Rabat…"
            value={query.text}
            onChange={(event) => change({ text: event.target.value })}
          />
        </label>
        <TagChoices
          tags={tags}
          selectedIds={query.tagIds}
          mode={query.tagMode}
          label="Tags"
          onChange={(tagIds) => change({ tagIds })}
          onModeChange={(tagMode) => change({ tagMode })}
          ensureTag={ensureTag}
        >
          <label className="composer__check">
            <input
              type="checkbox"
              checked={query.untagged}
              onChange={(event) => change({ untagged: event.target.checked })}
            />
            Untagged only
          </label>
        </TagChoices>
        <ArticleChoices
          articles={articles}
          selectedIds={query.articleIds}
          label="Articles"
          onChange={(articleIds) => change({ articleIds })}
        />
        <ColorChoices tags={tags} selected={query.colors} onChange={(colors) => change({ colors })} />
        <div className="composer__choices" role="group" aria-label="Anchor state">
          <span className="field__label">Anchor</span>
          {STATES.map(({ state, label }) => (
            <label key={state} className="composer__check">
              <input
                type="checkbox"
                checked={query.states.includes(state)}
                onChange={(event) => change({ states: toggled(query.states, state, event.target.checked) })}
              />
              {label}
            </label>
          ))}
        </div>
        <div className="composer__row notes-workspace__dates">
          <label className="field">
            <span className="field__label">From</span>
            <input
              className="input"
              type="date"
              value={query.from ?? ''}
              onChange={(event) => change({ from: event.target.value || null })}
            />
          </label>
          <label className="field">
            <span className="field__label">To</span>
            <input
              className="input"
              type="date"
              value={query.to ?? ''}
              onChange={(event) => change({ to: event.target.value || null })}
            />
          </label>
        </div>
        <button type="button" className="button button--small" onClick={() => setQuery(emptyNotesQuery(PAGE_SIZE))}>
          Clear filters
        </button>
      </aside>

      <section className="notes-workspace__main" aria-label="All notes">
        <div className="notes-workspace__bar">
          <label className="composer__check">
            <input
              type="checkbox"
              aria-label="Select every note shown"
              checked={notes.length > 0 && selectedNotes.length === notes.length}
              onChange={(event) =>
                setSelected(event.target.checked ? new Set(notes.map((note) => note.id)) : new Set())
              }
            />
            <span role="status">
              {page ? formatCount(page.total, 'note', 'notes') : 'Loading…'}
              {selectedNotes.length > 0 ? ` · ${selectedNotes.length} selected` : ''}
            </span>
          </label>
          <label className="notes-workspace__sort">
            Sort
            <select
              className="input input--small"
              value={query.sort}
              onChange={(event) => change({ sort: event.target.value as NotesQuery['sort'] })}
            >
              <option value="date-desc">Newest first</option>
              <option value="date-asc">Oldest first</option>
              <option value="article">By article</option>
              <option value="tag">By tag</option>
            </select>
          </label>
        </div>
        {selectedNotes.length > 0 && (
          <div className="notes-workspace__actions" role="group" aria-label="Selected notes">
            <div className="notes-workspace__add-tag">
              <TagPicker
                tags={tags}
                excludeIds={[]}
                recentIds={[]}
                onApply={(tag) => void bulk('tag added', { addTagIds: [tag.id] })}
                onCreate={(path) =>
                  void ensureTag(path).then((tag) => tag && bulk('tag added', { addTagIds: [tag.id] }))
                }
              />
            </div>
            {selectionTagIds.length > 0 && (
              <select
                className="input input--small"
                aria-label="Remove a tag from the selected notes"
                value=""
                onChange={(event) =>
                  event.target.value && void bulk('tag removed', { removeTagIds: [event.target.value] })
                }
              >
                <option value="">Remove tag…</option>
                {selectionTagIds.map((id) => (
                  <option key={id} value={id}>
                    {byTagId.get(id)?.path ?? id}
                  </option>
                ))}
              </select>
            )}
            <span className="notes-workspace__colors" role="group" aria-label="Recolour the selected notes">
              {NOTE_COLOR_CHOICES.map(({ color, name }) => (
                <ColorDot
                  key={name}
                  color={color}
                  aria-label={`Recolour ${name.toLowerCase()}`}
                  title={name}
                  onClick={() => void bulk('colour changed', { color })}
                />
              ))}
            </span>
            <button type="button" className="button button--small button--primary" onClick={() => void toBriefing()}>
              New briefing from selection
            </button>
            {busy && (
              <span className="briefings__progress" role="status">
                <span className="spinner" aria-hidden="true" /> {busy}
              </span>
            )}
          </div>
        )}
        {page && notes.length === 0 ? (
          <p className="empty-state">No note matches these filters.</p>
        ) : (
          <ol className="notes-workspace__list" aria-label="Notes">
            {notes.map((note) => (
              <li key={note.id} className="notes-workspace__note" data-state={note.state}>
                <input
                  type="checkbox"
                  aria-label={`Select “${highlightedQuote(note).slice(0, 40)}”`}
                  checked={selected.has(note.id)}
                  onChange={(event) =>
                    setSelected((current) => {
                      const next = new Set(current)
                      if (event.target.checked) next.add(note.id)
                      else next.delete(note.id)
                      return next
                    })
                  }
                />
                <span
                  className="notes-workspace__swatch"
                  style={{ background: note.effectiveColor ?? 'var(--highlight-strong)' }}
                  aria-hidden="true"
                />
                <div className="notes-workspace__body">
                  <button type="button" className="notes-workspace__quote" onClick={() => onOpenNote(note)}>
                    {currentQuote(note) ?? highlightedQuote(note)}
                  </button>
                  {note.text && <NoteText className="notes-list__text" text={note.text} />}
                  <span className="notes-workspace__meta">
                    {note.state !== 'anchored' && (
                      <span className={`badge badge--${note.state === 'orphaned' ? 'warning' : 'notice'}`}>
                        {note.state === 'orphaned' ? 'Orphaned' : 'Passage changed'}
                      </span>
                    )}
                    {note.tagIds.flatMap((id) => {
                      const tag = byTagId.get(id)
                      return tag ? [<TagChip key={id} tag={tag} />] : []
                    })}
                    <span>{note.articleTitle}</span>
                    <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                  </span>
                </div>
              </li>
            ))}
          </ol>
        )}
        {page && notes.length < page.total && (
          <button
            type="button"
            className="button notes-workspace__more"
            onClick={() => void load({ ...query, offset: notes.length }, true)}
          >
            Show {Math.min(PAGE_SIZE, page.total - notes.length)} more
          </button>
        )}
      </section>
    </div>
  )
}
