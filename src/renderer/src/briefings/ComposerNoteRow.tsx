/**
 * One note in the composer's list: its quote and where it is cited from (« [1] § 4 », or
 * « p. 12 » for a PDF source, as the preview prints it), a box to leave it out, and the
 * ways to move it: dragging, or the ↑ ↓ buttons for the keyboard.
 */
import { useTranslation } from 'react-i18next'
import { placeReference, type PlaceSigns } from '../../../shared/briefing/citationPlace'
import type { BriefingItem } from '../../../shared/briefing/document'
import type { BriefingCandidate } from '../../../shared/briefing/spec'
import { truncate } from '../lib/format'
import { ReviewBadge, ShowNoteButton } from './NotesNeedingReview'
import './composerRows.css'

/** The composer's own signs, whatever the briefing's language: it has always shown « § ». */
const COMPOSER_PLACE_SIGNS: PlaceSigns = { paragraphSign: '§', pageAbbreviation: 'p.' }

/** The drag payload's type: only a note of this composer can be dropped on a row. */
export const NOTE_DRAG_TYPE = 'text/x-dossier-note'

/** The handle's picture, not a word: hidden from assistive technology, the same in every language. */
const GRIP = '⋮⋮'

export function ComposerNoteRow({
  item,
  candidate,
  included,
  previousId,
  nextId,
  dragging,
  onDragging,
  onMove,
  onLeaveOut,
  onOpenNote
}: {
  item: BriefingItem
  /** The composer's view of the note; absent only while a new composition is on its way. */
  candidate: BriefingCandidate | undefined
  included: boolean
  /** The notes above and below in the section, which ↑ and ↓ swap this one with. */
  previousId: string | null
  nextId: string | null
  /** The note being dragged, if any. */
  dragging: string | null
  onDragging: (noteId: string | null) => void
  /** Moves a note before another. */
  onMove: (noteId: string, beforeId: string) => void
  onLeaveOut: (candidate: BriefingCandidate) => void
  onOpenNote: (note: { articleId: string; id: string }) => void
}): React.JSX.Element {
  const { t } = useTranslation('briefings')
  const place = placeReference(item, COMPOSER_PLACE_SIGNS)
  // A note on the whole article quotes nothing and is not cited: it introduces its source's notes.
  const wholeArticle = item.kind === 'article'
  const title = candidate?.articleTitle ?? ''
  return (
    <li
      className="composer__note"
      draggable
      data-dragging={dragging === item.noteId ? 'true' : undefined}
      onDragStart={(event) => {
        event.dataTransfer.setData(NOTE_DRAG_TYPE, item.noteId)
        event.dataTransfer.effectAllowed = 'move'
        onDragging(item.noteId)
      }}
      onDragEnd={() => onDragging(null)}
      onDragOver={(event) => {
        if (dragging && dragging !== item.noteId) event.preventDefault()
      }}
      onDrop={(event) => {
        event.preventDefault()
        const moved = event.dataTransfer.getData(NOTE_DRAG_TYPE) || dragging
        onDragging(null)
        if (moved && moved !== item.noteId) onMove(moved, item.noteId)
      }}
    >
      <span className="composer__grip" aria-hidden="true">
        {GRIP}
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
            checked={included}
            aria-label={
              wholeArticle
                ? t('row.includeArticleNote', { title: truncate(title, 40) })
                : t('row.include', { quote: truncate(item.quote, 40) })
            }
            onChange={() => candidate && onLeaveOut(candidate)}
          />
          {wholeArticle ? (
            <span>
              <span className="composer__whole">{t('row.wholeArticle')}</span>
              <span className="composer__article-note">{truncate(item.noteText, 240)}</span>
              <span className="composer__cite">
                {truncate(title, 40)}
                {t('row.introduction')}
                {candidate?.fromSnapshot ? t('row.fromSnapshot') : ''}
              </span>
            </span>
          ) : (
            <span>
              <span className="composer__quote">{truncate(item.quote, 140)}</span>
              <span className="composer__cite">
                [{item.sourceNumber}]{place ? ` ${place}` : ''}
                {candidate ? ` · ${truncate(candidate.articleTitle, 40)}` : ''}
                {candidate?.fromSnapshot ? t('row.fromSnapshot') : ''}
              </span>
            </span>
          )}
        </label>
      </div>
      <span className="composer__move">
        <button
          type="button"
          className="icon-button"
          aria-label={t('row.moveUp')}
          disabled={previousId === null}
          onClick={() => previousId && onMove(item.noteId, previousId)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('row.moveDown')}
          disabled={nextId === null}
          onClick={() => nextId && onMove(nextId, item.noteId)}
        >
          ↓
        </button>
      </span>
    </li>
  )
}
