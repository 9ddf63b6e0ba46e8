/**
 * Every note across the library, to review a theme regardless of article: filter by tags
 * (a parent includes its children), article, colour, anchor state, date and words; sort;
 * select many to add or remove a tag or recolour them at once (undoable), or send the
 * selection to a new briefing. The services filter and page, so a 50,000-note library
 * never reaches the interface whole.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnchorState } from '../../../shared/anchoring/selectors'
import { emptyNotesQuery, type NotesPage, type NotesQuery, type WorkspaceNote } from '../../../shared/notes/workspace'
import { useApp, useSession } from '../app/AppContext'
import { ArticleChoices, ColorChoices, TagChoices, toggled } from '../lib/NoteFilterChoices'
import { TagPicker } from '../tags'
import { ColorDot, NOTE_COLOR_CHOICES } from '../lib/ColorDot'
import { DateField } from '../lib/DateField'
import { WorkspaceNoteCard } from './WorkspaceNoteCard'

const PAGE_SIZE = 100
const QUERY_AFTER_PAUSE_MS = 150

/** The anchor states a note can be filtered by; each state's name is its translation key. */
const STATES: AnchorState[] = ['anchored', 'moved', 'orphaned']

export function NotesWorkspace({
  onOpenNote,
  onBriefingCreated
}: {
  onOpenNote: (note: WorkspaceNote) => void
  onBriefingCreated: () => void
}): React.JSX.Element {
  const { t } = useTranslation(['workspace', 'common'])
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
      setBusy(t('updating', { count: refs.length }))
      try {
        const apply = async () => {
          const done = take(await api.bulkUpdateNotes({ notes: refs, ...changes }))
          if (!done) throw new Error(t('common:notSaved'))
          await reload()
          return done.before
        }
        let before = await apply().catch(() => null)
        if (!before) return
        recordUndo({
          label,
          undo: async () => {
            if (!take(await api.restoreNoteFields({ fields: before! }))) throw new Error(t('notesNotRestored'))
            await reload()
          },
          redo: async () => {
            before = await apply()
          }
        })
        const action = `${label.charAt(0).toLocaleUpperCase()}${label.slice(1)}`
        show({ level: 'info', text: t('bulkDone', { action, count: refs.length }) })
      } finally {
        setBusy(null)
      }
    },
    [api, take, refs, reload, recordUndo, show, t]
  )

  const selectNote = useCallback(
    (noteId: string, checked: boolean) =>
      setSelected((current) => {
        const next = new Set(current)
        if (checked) next.add(noteId)
        else next.delete(noteId)
        return next
      }),
    []
  )

  const selectionTagIds = [...new Set(selectedNotes.flatMap((note) => note.tagIds))]

  const toBriefing = async (): Promise<void> => {
    const created = take(
      await api.createBriefing({ title: t('briefingTitle'), includedNoteIds: refs.map((ref) => ref.noteId) })
    )
    if (!created) return
    show({ level: 'info', text: t('briefingCreated', { title: created.frontMatter.title, count: refs.length }) })
    onBriefingCreated()
  }

  return (
    <main className="notes-workspace" aria-label={t('landmark')}>
      <h1 className="notes-workspace__title">{t('landmark')}</h1>
      <aside className="notes-workspace__filters" aria-label={t('filters')}>
        <h2 className="panel-heading">{t('filter')}</h2>
        <label className="field">
          <span className="field__label">{t('words')}</span>
          <input
            className="input"
            type="search"
            aria-label={t('wordsLabel')}
            placeholder={t('wordsPlaceholder')}
            value={query.text}
            onChange={(event) => change({ text: event.target.value })}
          />
        </label>
        <TagChoices
          tags={tags}
          selectedIds={query.tagIds}
          mode={query.tagMode}
          label={t('tags')}
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
            {t('untaggedOnly')}
          </label>
        </TagChoices>
        <ArticleChoices
          articles={articles}
          selectedIds={query.articleIds}
          label={t('articles')}
          onChange={(articleIds) => change({ articleIds })}
        />
        <ColorChoices tags={tags} selected={query.colors} onChange={(colors) => change({ colors })} />
        <div className="composer__choices" role="group" aria-label={t('anchorState')}>
          <span className="field__label">{t('anchor')}</span>
          {STATES.map((state) => (
            <label key={state} className="composer__check">
              <input
                type="checkbox"
                checked={query.states.includes(state)}
                onChange={(event) => change({ states: toggled(query.states, state, event.target.checked) })}
              />
              {t(state)}
            </label>
          ))}
        </div>
        <div className="composer__row notes-workspace__dates">
          <label className="field">
            <span className="field__label">{t('from')}</span>
            <DateField className="input" value={query.from} onChange={(from) => change({ from })} />
          </label>
          <label className="field">
            <span className="field__label">{t('to')}</span>
            <DateField className="input" value={query.to} onChange={(to) => change({ to })} />
          </label>
        </div>
        <button type="button" className="button button--small" onClick={() => setQuery(emptyNotesQuery(PAGE_SIZE))}>
          {t('clearFilters')}
        </button>
      </aside>

      <section className="notes-workspace__main" aria-label={t('allNotes')}>
        <div className="notes-workspace__bar">
          <label className="composer__check">
            <input
              type="checkbox"
              aria-label={t('selectAll')}
              checked={notes.length > 0 && selectedNotes.length === notes.length}
              onChange={(event) =>
                setSelected(event.target.checked ? new Set(notes.map((note) => note.id)) : new Set())
              }
            />
            <span role="status">
              {page ? t('noteCount', { count: page.total }) : t('common:loading')}
              {selectedNotes.length > 0 ? ` · ${t('selectedCount', { count: selectedNotes.length })}` : ''}
            </span>
          </label>
          <label className="notes-workspace__sort">
            {t('sort')}
            <select
              className="input input--small"
              value={query.sort}
              onChange={(event) => change({ sort: event.target.value as NotesQuery['sort'] })}
            >
              <option value="date-desc">{t('newestFirst')}</option>
              <option value="date-asc">{t('oldestFirst')}</option>
              <option value="article">{t('byArticle')}</option>
              <option value="tag">{t('byTag')}</option>
            </select>
          </label>
        </div>
        {selectedNotes.length > 0 && (
          <div className="notes-workspace__actions" role="group" aria-label={t('selectedNotes')}>
            <div className="notes-workspace__add-tag">
              <TagPicker
                tags={tags}
                excludeIds={[]}
                recentIds={[]}
                onApply={(tag) => void bulk(t('tagAdded'), { addTagIds: [tag.id] })}
                onCreate={(path) =>
                  void ensureTag(path).then((tag) => tag && bulk(t('tagAdded'), { addTagIds: [tag.id] }))
                }
              />
            </div>
            {selectionTagIds.length > 0 && (
              <select
                className="input input--small"
                aria-label={t('removeTagLabel')}
                value=""
                onChange={(event) =>
                  event.target.value && void bulk(t('tagRemoved'), { removeTagIds: [event.target.value] })
                }
              >
                <option value="">{t('removeTag')}</option>
                {selectionTagIds.map((id) => (
                  <option key={id} value={id}>
                    {byTagId.get(id)?.path ?? id}
                  </option>
                ))}
              </select>
            )}
            <span className="notes-workspace__colors" role="group" aria-label={t('recolourGroup')}>
              {NOTE_COLOR_CHOICES.map(({ color, name }) => (
                <ColorDot
                  key={color ?? 'default'}
                  color={color}
                  aria-label={t('recolourTo', { color: name })}
                  title={name}
                  onClick={() => void bulk(t('colourChanged'), { color })}
                />
              ))}
            </span>
            <button type="button" className="button button--small button--primary" onClick={() => void toBriefing()}>
              {t('newBriefing')}
            </button>
            {busy && (
              <span className="briefings__progress" role="status">
                <span className="spinner" aria-hidden="true" /> {busy}
              </span>
            )}
          </div>
        )}
        {page && notes.length === 0 ? (
          <p className="empty-state">{t('noMatch')}</p>
        ) : (
          <ol className="notes-workspace__list" aria-label={t('list')}>
            {notes.map((note) => (
              <WorkspaceNoteCard
                key={note.id}
                note={note}
                tagsById={byTagId}
                selected={selected.has(note.id)}
                onSelect={selectNote}
                onOpen={onOpenNote}
              />
            ))}
          </ol>
        )}
        {page && notes.length < page.total && (
          <button
            type="button"
            className="button notes-workspace__more"
            onClick={() => void load({ ...query, offset: notes.length }, true)}
          >
            {t('showMore', { count: Math.min(PAGE_SIZE, page.total - notes.length) })}
          </button>
        )}
      </section>
    </main>
  )
}
