/**
 * When a note was created and last edited, as both note editors show it under the text (the
 * passage note's and the whole article's), so the wording and the `<time>` markup live once.
 */
import { Trans, useTranslation } from 'react-i18next'
import { formatDateTime } from '../lib/format'

export function NoteDates({ note, className }: { note: { createdAt: string; updatedAt: string }; className: string }) {
  const { t } = useTranslation('notes')
  return (
    <p className={className}>
      <Trans
        t={t}
        i18nKey="editor.created"
        values={{ date: formatDateTime(note.createdAt) }}
        components={{ time: <time dateTime={note.createdAt} /> }}
      />
      {note.updatedAt !== note.createdAt && (
        <Trans
          t={t}
          i18nKey="editor.edited"
          values={{ date: formatDateTime(note.updatedAt) }}
          components={{ time: <time dateTime={note.updatedAt} /> }}
        />
      )}
    </p>
  )
}
