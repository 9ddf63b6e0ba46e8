/**
 * The article's provenance, as imported and as corrected by the analyst: title, outlet,
 * author, publication date, source address and language are editable; when and from
 * what file it was imported, and its length, are facts. A newer version of the text can
 * replace it from a file, keeping these details and the notes.
 */
import { useId, useRef, useState } from 'react'
import type { ArticleMeta, ArticleMetaChanges } from '../../../shared/domain/article'
import { IMPORTABLE_EXTENSIONS } from '../../../shared/import/limits'
import { formatCount, formatDateTime } from '../lib/format'

type Field = Exclude<keyof ArticleMetaChanges, 'title'>

const FIELDS: { key: Field; label: string; type: string; placeholder: string }[] = [
  { key: 'outlet', label: 'Outlet', type: 'text', placeholder: 'Le Monde, Reuters…' },
  { key: 'author', label: 'Author', type: 'text', placeholder: 'Byline' },
  { key: 'publishedAt', label: 'Published', type: 'date', placeholder: 'YYYY-MM-DD' },
  { key: 'sourceUrl', label: 'Source address', type: 'url', placeholder: 'https://…' },
  { key: 'language', label: 'Language', type: 'text', placeholder: 'fr' }
]

export function ArticleInfo({
  meta,
  onSave,
  onReplaceText,
  onClose
}: {
  meta: ArticleMeta
  onSave: (changes: ArticleMetaChanges) => Promise<boolean>
  /** Replaces the article's text with the file's; resolves once the outcome has been shown. */
  onReplaceText: (file: File) => Promise<unknown>
  onClose: () => void
}): React.JSX.Element {
  const [title, setTitle] = useState(meta.title)
  const [values, setValues] = useState<Record<Field, string>>({
    outlet: meta.outlet ?? '',
    author: meta.author ?? '',
    publishedAt: meta.publishedAt?.slice(0, 10) ?? '',
    sourceUrl: meta.sourceUrl ?? '',
    language: meta.language ?? ''
  })
  const [saving, setSaving] = useState(false)
  const [replacing, setReplacing] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const replaceHintId = useId()

  const replaceText = async (file: File): Promise<void> => {
    setReplacing(true)
    try {
      await onReplaceText(file)
    } finally {
      setReplacing(false)
    }
  }

  const save = async (): Promise<void> => {
    const changes: ArticleMetaChanges = { title: title.trim() }
    for (const { key } of FIELDS) {
      const value = values[key].trim()
      const before = key === 'publishedAt' ? (meta.publishedAt?.slice(0, 10) ?? '') : (meta[key] ?? '')
      if (value !== before) changes[key] = value === '' ? null : value
    }
    setSaving(true)
    const saved = await onSave(changes)
    setSaving(false)
    if (saved) onClose()
  }

  return (
    <form
      className="article-info"
      aria-label="Article info"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label className="field field--wide">
        <span className="field__label">Title</span>
        <input className="input" value={title} required onChange={(event) => setTitle(event.target.value)} />
      </label>
      {FIELDS.map((field) => (
        <label key={field.key} className="field">
          <span className="field__label">{field.label}</span>
          <input
            className="input"
            type={field.type}
            placeholder={field.placeholder}
            value={values[field.key]}
            onChange={(event) => setValues((current) => ({ ...current, [field.key]: event.target.value }))}
          />
        </label>
      ))}
      <p className="article-info__facts field--wide">
        Imported {formatDateTime(meta.importedAt)}
        {meta.sourceFile ? ` from ${meta.sourceFile}` : ''} · {formatCount(meta.wordCount, 'word', 'words')}
      </p>
      <div className="article-info__replace field--wide">
        <button
          type="button"
          className="button"
          disabled={replacing}
          aria-describedby={replaceHintId}
          onClick={() => fileInput.current?.click()}
        >
          {replacing ? 'Replacing text…' : 'Replace text from file…'}
        </button>
        <p id={replaceHintId} className="article-info__hint">
          For a corrected or fuller version of this article. The title and details above stay; notes are looked for in
          the new text, and any not found are kept for you to review.
        </p>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="File with the new text"
          accept={IMPORTABLE_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void replaceText(file)
          }}
        />
      </div>
      <div className="article-info__actions field--wide">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  )
}
