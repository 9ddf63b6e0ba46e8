/**
 * Notes whose passage changed or vanished after an edit, in the briefing composer: counted,
 * badged, left out unless the analyst ticks them in (the exports then mark them), and each
 * can be opened in its article to be reviewed there.
 */
import { useTranslation } from 'react-i18next'
import type { BriefingReview } from '../../../shared/briefing/document'
import type { BriefingCandidate } from '../../../shared/briefing/spec'
import { truncate } from '../lib/format'

/** The same badges the notes panel and the workspace show, in the composer's words. */
export function ReviewBadge({ review }: { review: Exclude<BriefingReview, null> }): React.JSX.Element {
  const { t } = useTranslation('briefings')
  return (
    <span className={`badge composer__badge badge--${review === 'orphaned' ? 'warning' : 'notice'}`}>
      {review === 'orphaned' ? t('review.orphaned') : t('review.changed')}
    </span>
  )
}

/** Opens the note's article with the note selected, so the analyst can review it there. */
export function ShowNoteButton({
  candidate,
  onOpenNote
}: {
  candidate: BriefingCandidate
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element | null {
  const { t } = useTranslation('briefings')
  // A note cited from the briefing's copy is gone: there is nothing to open.
  if (candidate.fromSnapshot) return null
  return (
    <button
      type="button"
      className="composer__jump"
      aria-label={t('review.showNoteLabel', { quote: truncate(candidate.quote, 40) })}
      onClick={() => onOpenNote({ articleId: candidate.articleId, id: candidate.noteId })}
    >
      {t('review.showNote')}
    </button>
  )
}

/** The summary, the choice to include them, and while they are left out, the list of them. */
export function NotesNeedingReview({
  candidates,
  included,
  onInclude,
  onOpenNote
}: {
  candidates: readonly BriefingCandidate[]
  included: boolean
  onInclude: (include: boolean) => void
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element | null {
  const { t } = useTranslation('briefings')
  if (candidates.length === 0) return null
  return (
    <div className="composer__review" role="group" aria-label={t('review.group')}>
      <p className="composer__review-summary">
        <span aria-hidden="true">⚠ </span>
        {t('review.count', { count: candidates.length })}
        <span className="composer__review-hint">{included ? t('review.hintIncluded') : t('review.hintLeftOut')}</span>
      </p>
      <label className="composer__check">
        <input type="checkbox" checked={included} onChange={(event) => onInclude(event.target.checked)} />
        {t('review.include')}
      </label>
      {!included && (
        <ul className="composer__review-list" aria-label={t('review.leftOut')}>
          {candidates.map((candidate) => (
            <li key={candidate.noteId} className="composer__review-note">
              <span className="composer__review-head">
                {candidate.review && <ReviewBadge review={candidate.review} />}
                <ShowNoteButton candidate={candidate} onOpenNote={onOpenNote} />
              </span>
              <span className="composer__quote">{truncate(candidate.quote, 140)}</span>
              <span className="composer__cite">{truncate(candidate.articleTitle, 60)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
