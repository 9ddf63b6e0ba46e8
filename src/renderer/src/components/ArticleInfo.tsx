/**
 * The article's provenance, as imported and as corrected by the analyst: title, outlet,
 * author, publication date, source address and language are editable; when and from
 * what file it was imported, and its length, are facts.
 */
import { useState } from 'react'
import type { ArticleMeta, ArticleMetaChanges } from '../../../shared/domain/article'
import { formatCount, formatDateTime } from '../format'

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
  onClose
}: {
  meta: ArticleMeta
  onSave: (changes: ArticleMetaChanges) => Promise<boolean>
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
