/**
 * The composer's form: front matter, which notes (tags with their children, articles,
 * colours, dates, words), structure (grouping, order, trimming), each section's title and
 * introduction, and the notes themselves, to leave out, put back, or drag into order.
 * Notes needing review after an edit are flagged (NotesNeedingReview.tsx).
 */
import { useMemo, useState } from 'react'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { Briefing, BriefingCandidate, ComposedBriefing } from '../../../shared/briefing/spec'
import type { ArticleSummary } from '../../../shared/domain/article'
import type { Tag } from '../../../shared/tags/tags'
import { ArticleChoices, ColorChoices, TagChoices, toggled } from '../lib/NoteFilterChoices'
import { formatCount, truncate } from '../lib/format'
import { NotesNeedingReview, ReviewBadge, ShowNoteButton } from './NotesNeedingReview'

export function BriefingComposer({
  briefing,
  composed,
  tags,
  articles,
  saveState,
  onChange,
  ensureTag,
  onDuplicate,
  onDelete,
  onOpenNote
}: {
  briefing: Briefing
  composed: ComposedBriefing | null
  tags: readonly Tag[]
  articles: readonly ArticleSummary[]
  saveState: 'saved' | 'saving' | 'unsaved'
  onChange: (changes: BriefingChanges) => void
  /** A parent that exists only through its children («Acteurs» of «Acteurs/Maroc») becomes a tag when ticked. */
  ensureTag: (path: string) => Promise<Tag | null>
  onDuplicate: () => void
  onDelete: () => void
  /** Opens a note in its article, as search results and the notes workspace do. */
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element {
  const { frontMatter, filter } = briefing
  const candidates = useMemo(
    () => new Map((composed?.candidates ?? []).map((candidate) => [candidate.noteId, candidate])),
    [composed]
  )
  const leftOut = (composed?.candidates ?? []).filter((candidate) => candidate.excluded)
  /** Notes needing review that the analyst has not left out by hand: in the document only on request. */
  const needingReview = (composed?.candidates ?? []).filter((candidate) => candidate.review && !candidate.excluded)
  const documentOrder = useMemo(
    () => (composed?.document.sections ?? []).flatMap((section) => section.items.map((item) => item.noteId)),
    [composed]
  )

  /** Moves a note before another (or to the end of its section): the briefing switches to manual order. */
  const moveNote = (noteId: string, beforeId: string | null): void => {
    const order = documentOrder.filter((id) => id !== noteId)
    const at = beforeId === null ? order.length : order.indexOf(beforeId)
    order.splice(at < 0 ? order.length : at, 0, noteId)
    onChange({ order: 'manual', manualOrder: order })
  }
  const [dragging, setDragging] = useState<string | null>(null)

  const setExcluded = (candidate: BriefingCandidate, excluded: boolean): void => {
    onChange({
      excludedNoteIds: toggled(briefing.excludedNoteIds, candidate.noteId, excluded),
      // A note put back that the filter no longer matches stays in by hand.
      ...(!excluded && !candidate.matched
        ? { includedNoteIds: toggled(briefing.includedNoteIds, candidate.noteId, true) }
        : {})
    })
  }

  return (
    <section className="composer" aria-label="Composer">
      <div className="composer__header">
        <input
          className="composer__title"
          aria-label="Briefing title"
          value={frontMatter.title}
          onChange={(event) => onChange({ frontMatter: { title: event.target.value } })}
        />
        <span className="composer__status" role="status">
          {saveState === 'saved' ? 'Saved' : 'Saving…'}
        </span>
        <button type="button" className="button button--small" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="button button--small button--danger" onClick={onDelete}>
          Delete
        </button>
      </div>

      <fieldset className="composer__group">
        <legend>Front matter</legend>
        <div className="composer__row">
          <label className="field">
            <span className="field__label">Subtitle</span>
            <input
              className="input"
              value={frontMatter.subtitle}
              onChange={(event) => onChange({ frontMatter: { subtitle: event.target.value } })}
            />
          </label>
        </div>
        <div className="composer__row composer__row--split">
          <label className="field">
            <span className="field__label">Author</span>
            <input
              className="input"
              value={frontMatter.author}
              onChange={(event) => onChange({ frontMatter: { author: event.target.value } })}
            />
          </label>
          <label className="field">
            <span className="field__label">Date</span>
            <input
              className="input"
              type="date"
              value={frontMatter.date}
              onChange={(event) => onChange({ frontMatter: { date: event.target.value } })}
            />
          </label>
        </div>
        <label className="field">
          <span className="field__label">Classification or handling line</span>
          <input
            className="input"
            placeholder="e.g. Diffusion restreinte"
            value={frontMatter.classification}
            onChange={(event) => onChange({ frontMatter: { classification: event.target.value } })}
          />
        </label>
        <label className="field">
          <span className="field__label">Key points (one per line)</span>
          <textarea
            className="input"
            rows={4}
            value={frontMatter.keyPoints}
            onChange={(event) => onChange({ frontMatter: { keyPoints: event.target.value } })}
          />
        </label>
      </fieldset>

      <fieldset className="composer__group">
        <legend>Notes to include</legend>
        <TagChoices
          tags={tags}
          selectedIds={filter.tagIds}
          mode={filter.tagMode}
          label="Tags (a parent includes its children)"
          onChange={(tagIds) => onChange({ filter: { tagIds } })}
          onModeChange={(tagMode) => onChange({ filter: { tagMode } })}
          ensureTag={ensureTag}
        />
        <ArticleChoices
          articles={articles}
          selectedIds={filter.articleIds}
          label="Articles (none ticked: every article)"
          onChange={(articleIds) => onChange({ filter: { articleIds } })}
        />
        <ColorChoices tags={tags} selected={filter.colors} onChange={(colors) => onChange({ filter: { colors } })} />
        <div className="composer__row composer__row--split">
          <label className="field">
            <span className="field__label">Noted from</span>
            <input
              className="input"
              type="date"
              value={filter.from ?? ''}
              onChange={(event) => onChange({ filter: { from: event.target.value || null } })}
            />
          </label>
          <label className="field">
            <span className="field__label">to</span>
            <input
              className="input"
              type="date"
              value={filter.to ?? ''}
              onChange={(event) => onChange({ filter: { to: event.target.value || null } })}
            />
          </label>
        </div>
        <label className="field">
          <span className="field__label">Containing the words</span>
          <input
            className="input"
            type="search"
            placeholder="sécurité, Rabat…"
            value={filter.text}
            onChange={(event) => onChange({ filter: { text: event.target.value } })}
          />
        </label>
      </fieldset>

      <fieldset className="composer__group">
        <legend>Structure</legend>
        <div className="composer__row composer__row--split">
          <label className="field">
            <span className="field__label">Group by</span>
            <select
              className="input"
              value={briefing.grouping}
              onChange={(event) => onChange({ grouping: event.target.value as Briefing['grouping'] })}
            >
              <option value="tag-top">Top-level tag</option>
              <option value="tag-full">Tag hierarchy</option>
              <option value="article">Source article</option>
              <option value="none">No grouping</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">Order</span>
            <select
              className="input"
              value={briefing.order}
              onChange={(event) => onChange({ order: event.target.value as Briefing['order'] })}
            >
              <option value="document">As in the article</option>
              <option value="date">By date noted</option>
              <option value="manual">My order (drag notes)</option>
            </select>
          </label>
        </div>
        <label className="composer__check">
          <input
            type="checkbox"
            checked={briefing.quoteLimit !== null}
            onChange={(event) => onChange({ quoteLimit: event.target.checked ? 400 : null })}
          />
          Shorten quotes longer than
          <input
            className="input input--small composer__number"
            type="number"
            min={20}
            step={50}
            aria-label="Longest quote, in characters"
            disabled={briefing.quoteLimit === null}
            value={briefing.quoteLimit ?? 400}
            onChange={(event) => onChange({ quoteLimit: Math.max(20, Number(event.target.value) || 400) })}
          />
          characters, with […]
        </label>
      </fieldset>

      <fieldset className="composer__group">
        <legend>Sections and notes</legend>
        <NotesNeedingReview
          candidates={needingReview}
          included={briefing.includeNotesNeedingReview}
          onInclude={(include) => onChange({ includeNotesNeedingReview: include })}
          onOpenNote={onOpenNote}
        />
        {!composed ? (
          <p className="empty-state">Loading…</p>
        ) : documentOrder.length === 0 && leftOut.length === 0 && needingReview.length === 0 ? (
          <p className="empty-state">
            No note matches yet: tick a tag, an article or a colour above, or type some words.
          </p>
        ) : (
          composed.document.sections.map((section) => (
            <div
              key={section.key}
              className="composer__section"
              role="group"
              aria-label={`Section ${section.heading || 'notes'}`}
            >
              {section.heading !== '' && (
                <input
                  className="input composer__section-title"
                  aria-label={`Title of section ${section.heading}`}
                  style={{ marginLeft: (section.level - 1) * 16 }}
                  defaultValue={section.heading}
                  onBlur={(event) => {
                    const title = event.target.value.trim()
                    if (title !== section.heading)
                      onChange({
                        sections: {
                          ...briefing.sections,
                          [section.key]: {
                            ...briefing.sections[section.key],
                            intro: briefing.sections[section.key]?.intro ?? '',
                            title
                          }
                        }
                      })
                  }}
                />
              )}
              <textarea
                className="input composer__intro"
                rows={2}
                aria-label={`Introduction of section ${section.heading || 'notes'}`}
                placeholder="Introduction (optional)"
                defaultValue={briefing.sections[section.key]?.intro ?? ''}
                onBlur={(event) => {
                  if (event.target.value !== (briefing.sections[section.key]?.intro ?? ''))
                    onChange({
                      sections: {
                        ...briefing.sections,
                        [section.key]: { ...briefing.sections[section.key], intro: event.target.value }
                      }
                    })
                }}
              />
              <ol className="composer__notes" aria-label={`Notes in ${section.heading || 'the briefing'}`}>
                {section.items.map((item, index) => {
                  const candidate = candidates.get(item.noteId)
                  const next = section.items[index + 1]?.noteId ?? null
                  return (
                    <li
                      key={item.noteId}
                      className="composer__note"
                      draggable
                      data-dragging={dragging === item.noteId ? 'true' : undefined}
                      onDragStart={(event) => {
                        event.dataTransfer.setData('text/x-dossier-note', item.noteId)
                        event.dataTransfer.effectAllowed = 'move'
                        setDragging(item.noteId)
                      }}
                      onDragEnd={() => setDragging(null)}
                      onDragOver={(event) => {
                        if (dragging && dragging !== item.noteId) event.preventDefault()
                      }}
                      onDrop={(event) => {
                        event.preventDefault()
                        const moved = event.dataTransfer.getData('text/x-dossier-note') || dragging
                        setDragging(null)
                        if (moved && moved !== item.noteId) moveNote(moved, item.noteId)
                      }}
                    >
                      <span className="composer__grip" aria-hidden="true">
                        ⋮⋮
                      </span>
                      <div className="composer__note-main">
                        {item.review && candidate && (
                          <span className="composer__review-head">
                            <ReviewBadge review={item.review} />
                            <ShowNoteButton candidate={candidate} onOpenNote={onOpenNote} />
                          </span>
                        )}
                        <label className="composer__note-body">
                          <input
                            type="checkbox"
                            checked={!briefing.excludedNoteIds.includes(item.noteId)}
                            aria-label={`Include “${truncate(item.quote, 40)}”`}
                            onChange={() => candidate && setExcluded(candidate, true)}
                          />
                          <span>
                            <span className="composer__quote">{truncate(item.quote, 140)}</span>
                            <span className="composer__cite">
                              [{item.sourceNumber}]{item.paragraph ? ` § ${item.paragraph}` : ''}
                              {candidate ? ` · ${truncate(candidate.articleTitle, 40)}` : ''}
                              {candidate?.fromSnapshot ? ' · deleted since; cited from this briefing’s copy' : ''}
                            </span>
                          </span>
                        </label>
                      </div>
                      <span className="composer__move">
                        <button
                          type="button"
                          className="icon-button"
                          aria-label="Move up"
                          disabled={index === 0}
                          onClick={() => moveNote(item.noteId, section.items[index - 1]!.noteId)}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label="Move down"
                          disabled={next === null}
                          onClick={() => next && moveNote(next, item.noteId)}
                        >
                          ↓
                        </button>
                      </span>
                    </li>
                  )
                })}
              </ol>
            </div>
          ))
        )}
        {leftOut.length > 0 && (
          <div className="composer__left-out" role="group" aria-label="Left out">
            <span className="field__label">{formatCount(leftOut.length, 'note left out', 'notes left out')}</span>
            {leftOut.map((candidate) => (
              <label key={candidate.noteId} className="composer__check">
                <input
                  type="checkbox"
                  checked={!briefing.excludedNoteIds.includes(candidate.noteId)}
                  aria-label={`Include “${truncate(candidate.quote, 40)}”`}
                  onChange={() => setExcluded(candidate, false)}
                />
                <span className="composer__quote composer__quote--out">{truncate(candidate.quote, 120)}</span>
                {candidate.review && <ReviewBadge review={candidate.review} />}
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </section>
  )
}
