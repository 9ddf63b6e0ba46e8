/**
 * The composer's « Sections and notes »: notes needing review, then each section of the
 * composed briefing with its editable title and introduction and its notes in order, then
 * the notes left out by hand, each with a box to put it back.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { BriefingSection } from '../../../shared/briefing/document'
import type { Briefing, BriefingCandidate, ComposedBriefing } from '../../../shared/briefing/spec'
import { toggled } from '../lib/NoteFilterChoices'
import { truncate } from '../lib/format'
import { ComposerNoteRow } from './ComposerNoteRow'
import { NotesNeedingReview, ReviewBadge } from './NotesNeedingReview'

type OnChange = (changes: BriefingChanges) => void

export function ComposerSections({
  briefing,
  composed,
  onChange,
  onOpenNote
}: {
  briefing: Briefing
  composed: ComposedBriefing | null
  onChange: OnChange
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
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
    <fieldset className="composer__group">
      <legend>{t('sections.legend')}</legend>
      <NotesNeedingReview
        candidates={needingReview}
        included={briefing.includeNotesNeedingReview}
        onInclude={(include) => onChange({ includeNotesNeedingReview: include })}
        onOpenNote={onOpenNote}
      />
      {!composed ? (
        <p className="empty-state">{t('sections.loading')}</p>
      ) : documentOrder.length === 0 && leftOut.length === 0 && needingReview.length === 0 ? (
        <div className="empty-state composer__empty">
          <p className="composer__empty-title">{t('sections.emptyTitle')}</p>
          <p>{t('sections.emptyHowTo')}</p>
          <p>{t('sections.emptyFromNotes')}</p>
        </div>
      ) : (
        composed.document.sections.map((section) => (
          <ComposerSection key={section.key} section={section} briefing={briefing} onChange={onChange}>
            {section.items.map((item, index) => (
              <ComposerNoteRow
                key={item.noteId}
                item={item}
                candidate={candidates.get(item.noteId)}
                included={!briefing.excludedNoteIds.includes(item.noteId)}
                previousId={section.items[index - 1]?.noteId ?? null}
                nextId={section.items[index + 1]?.noteId ?? null}
                dragging={dragging}
                onDragging={setDragging}
                onMove={moveNote}
                onLeaveOut={(candidate) => setExcluded(candidate, true)}
                onOpenNote={onOpenNote}
              />
            ))}
          </ComposerSection>
        ))
      )}
      {leftOut.length > 0 && (
        <div className="composer__left-out" role="group" aria-label={t('sections.leftOut')}>
          <span className="field__label">{t('sections.leftOutCount', { count: leftOut.length })}</span>
          {leftOut.map((candidate) => (
            <label key={candidate.noteId} className="composer__check">
              <input
                type="checkbox"
                checked={!briefing.excludedNoteIds.includes(candidate.noteId)}
                aria-label={
                  candidate.kind === 'article'
                    ? t('row.includeArticleNote', { title: truncate(candidate.articleTitle, 40) })
                    : t('sections.include', { quote: truncate(candidate.quote, 40) })
                }
                onChange={() => setExcluded(candidate, false)}
              />
              {candidate.kind === 'article' ? (
                <span className="composer__quote--out">
                  <span className="composer__whole">{t('row.wholeArticle')}</span> {truncate(candidate.noteText, 120)}
                </span>
              ) : (
                <span className="composer__quote composer__quote--out">{truncate(candidate.quote, 120)}</span>
              )}
              {candidate.review && <ReviewBadge review={candidate.review} />}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}

/** One section: its title (when grouped) and introduction, saved when the field loses focus, and its notes. */
function ComposerSection({
  section,
  briefing,
  onChange,
  children
}: {
  section: BriefingSection
  briefing: Briefing
  onChange: OnChange
  children: React.ReactNode
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const stored = briefing.sections[section.key]
  const heading = section.heading
  return (
    <div
      className="composer__section"
      role="group"
      aria-label={heading ? t('sections.section', { heading }) : t('sections.sectionUntitled')}
    >
      {section.heading !== '' && (
        <input
          className="input composer__section-title"
          aria-label={t('sections.sectionTitle', { heading })}
          style={{ marginLeft: (section.level - 1) * 16 }}
          defaultValue={section.heading}
          onBlur={(event) => {
            const title = event.target.value.trim()
            if (title !== section.heading)
              onChange({
                sections: { ...briefing.sections, [section.key]: { ...stored, intro: stored?.intro ?? '', title } }
              })
          }}
        />
      )}
      <textarea
        className="input composer__intro"
        rows={2}
        aria-label={heading ? t('sections.intro', { heading }) : t('sections.introUntitled')}
        placeholder={t('sections.introPlaceholder')}
        defaultValue={stored?.intro ?? ''}
        onBlur={(event) => {
          if (event.target.value !== (stored?.intro ?? ''))
            onChange({ sections: { ...briefing.sections, [section.key]: { ...stored, intro: event.target.value } } })
        }}
      />
      <ol
        className="composer__notes"
        aria-label={heading ? t('sections.notesIn', { heading }) : t('sections.notesInBriefing')}
      >
        {children}
      </ol>
    </div>
  )
}
