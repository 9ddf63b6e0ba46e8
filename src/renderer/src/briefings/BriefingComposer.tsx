/**
 * The composer's form: front matter, which notes (tags with their children, articles,
 * colours, dates, words), structure (grouping, order, trimming), each section's title and
 * introduction, and the notes themselves, to leave out, put back, or drag into order.
 * Notes needing review after an edit are flagged (NotesNeedingReview.tsx).
 *
 * This component is the header and the order of the groups; each group is its own
 * component: ComposerFrontMatter, ComposerNoteFilter, ComposerStructure, ComposerSections
 * (whose rows are ComposerNoteRow).
 */
import { useTranslation } from 'react-i18next'
import type { BriefingChanges } from '../../../shared/briefing/changes'
import type { Briefing, ComposedBriefing } from '../../../shared/briefing/spec'
import type { ArticleSummary } from '../../../shared/domain/article'
import type { Tag } from '../../../shared/tags/tags'
import { ComposerExportOptions } from './ComposerExportOptions'
import { ComposerFrontMatter } from './ComposerFrontMatter'
import { ComposerNoteFilter } from './ComposerNoteFilter'
import { ComposerSections } from './ComposerSections'
import { ComposerStructure } from './ComposerStructure'

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
  const { t } = useTranslation('briefings')
  return (
    <section className="composer" aria-label={t('composer.region')}>
      <div className="composer__header">
        <textarea
          className="composer__title"
          aria-label={t('composer.title')}
          rows={1}
          value={briefing.frontMatter.title}
          // A title is one line: Enter does not break it, and a pasted newline becomes a space.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault()
          }}
          onChange={(event) => onChange({ frontMatter: { title: event.target.value.replace(/\s*\n\s*/g, ' ') } })}
        />
        <span className="composer__status" role="status">
          {saveState === 'saved' ? t('composer.saved') : t('composer.saving')}
        </span>
        <button type="button" className="button button--small" onClick={onDuplicate}>
          {t('composer.duplicate')}
        </button>
        <button type="button" className="button button--small button--danger" onClick={onDelete}>
          {t('composer.delete')}
        </button>
      </div>
      <ComposerFrontMatter frontMatter={briefing.frontMatter} onChange={onChange} />
      <ComposerNoteFilter
        filter={briefing.filter}
        tags={tags}
        articles={articles}
        onChange={onChange}
        ensureTag={ensureTag}
      />
      <ComposerStructure briefing={briefing} onChange={onChange} />
      <ComposerExportOptions briefing={briefing} onChange={onChange} />
      <ComposerSections briefing={briefing} composed={composed} onChange={onChange} onOpenNote={onOpenNote} />
    </section>
  )
}
